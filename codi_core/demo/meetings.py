"""The demo's meetings and assemblies: schedule, agenda, invitees, attendance, votes and
action items."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from codi_core.formatting import thai_date
from codi_core.labels import label
from codi_core.models import (
    ActionItem,
    ActionStatus,
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Invitee,
    Meeting,
    MeetingKind,
    MeetingStatus,
    MembershipRole,
    Vote,
)

from .base import (
    FIRST_FY,
    FISCAL_YEARS,
    LAST_FY,
    GeneratorBase,
    at,
    fy_end,
    fy_of,
    fy_start,
    weekday,
)
from .words import ABSENCE_REASONS, ACTION_TITLES, ANNOUNCEMENTS, DECISIONS, INFORMATION


def certification_links(meetings: list[dict[str, Any]]) -> list[dict[str, str]]:
    """``{"meeting_id", "certified_in_meeting_id"}`` for each demo meeting whose minutes
    were certified: by the next meeting of the same body.

    That meeting comes later in the same table, so the link is left out of the yielded
    rows (they stay insertable parents-first); insert the meetings, then apply these with
    one executemany UPDATE, as ``build_demo`` does.
    """
    next_of = {m["previous_meeting_id"]: m["id"] for m in meetings if m["previous_meeting_id"]}
    return [{"meeting_id": m["id"], "certified_in_meeting_id": next_of[m["id"]]}
            for m in meetings if m["certified_on"] is not None and m["id"] in next_of]


class MeetingsMixin(GeneratorBase):
    """Every body's meetings, numbered per body and year, with what happened in them."""

    # -- meetings ------------------------------------------------------------------------

    def _schedule(self, per_year: float, start: dt.date) -> list[dt.date]:
        first, last = fy_start(FIRST_FY), fy_end(LAST_FY)
        start = max(first, start)
        count = round(per_year * (last - start).days / 365.25)
        if count <= 0:
            return []
        step = (last - start).days / count
        days = []
        for i in range(count):
            base = start + dt.timedelta(days=step * i + step / 2)
            day = weekday(base + dt.timedelta(days=self.rng.randint(-int(step / 5), int(step / 5))))
            if day == self.today:
                day += dt.timedelta(days=1)
            days.append(min(max(day, first), last))
        return sorted(set(days))

    def meetings(self) -> list[dict[str, Any]]:
        rng = self.rng
        sc = self.scale
        r_committee, r_cluster, r_wg, r_partner = sc.rates
        bodies: list[tuple[dict[str, Any], MeetingKind, list[dt.date]]] = []
        start = fy_start(FIRST_FY)
        bodies.append((self.provincial_committee, MeetingKind.PROVINCIAL_COMMITTEE,
                       self._schedule(r_committee, start)))
        bodies.append((self.cluster_committee, MeetingKind.CLUSTER,
                       self._schedule(r_cluster, start)))
        assembly_days = [weekday(dt.date(fy - 543, rng.randint(6, 8), rng.randint(1, 28)))
                         for fy in FISCAL_YEARS]
        bodies.append((self.assembly_body, MeetingKind.PROVINCIAL_ASSEMBLY, assembly_days))
        bodies.append((self.partner_forum, MeetingKind.PARTNER_CONSULTATION,
                       self._schedule(r_partner, start)))
        for wg in self.working_groups:
            bodies.append((wg, MeetingKind.WORKING_GROUP, self._schedule(r_wg, start)))
        planned = sum(len(days) for _b, _k, days in bodies)
        councils = [self.council_of[t[0]] for t in self.tambons]
        remaining = max(len(councils), sc.meetings - planned)
        per_council: dict[str, list[dt.date]] = defaultdict(list)
        for i in range(remaining):
            council = councils[i % len(councils)] if i < len(councils) else rng.choice(councils)
            day = weekday(self.day_between(max(start, council["registered_on"]),
                                            fy_end(LAST_FY)))
            if day == self.today:
                day += dt.timedelta(days=1)
            per_council[council["id"]].append(day)
        for council in councils:
            days = sorted(set(per_council[council["id"]]))
            bodies.append((council, MeetingKind.TAMBON_COUNCIL, days))

        self.meeting_rows: list[dict[str, Any]] = []
        self.agenda: list[dict[str, Any]] = []
        self.invitees: list[dict[str, Any]] = []
        self.attendance: list[dict[str, Any]] = []
        self.votes: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []
        self.assembly_of_fy: dict[int, dict[str, Any]] = {}
        self.attendance_of: dict[str, int] = {}
        everything = [m for body, kind, days in bodies
                      for m in self._body_meetings(body, kind, days)]
        # In date order, so a meeting's previous meeting is always inserted before it.
        everything.sort(key=lambda m: (m["starts_at"], m["id"]))
        self.meeting_rows = everything
        return everything

    def _title(self, kind: MeetingKind, body: dict[str, Any], day: dt.date) -> str:
        if kind is MeetingKind.PROVINCIAL_COMMITTEE:
            return f"การประชุมคณะกรรมการขบวนองค์กรชุมชนจังหวัด{self.pname}"
        if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
            return f"สมัชชาองค์กรชุมชนจังหวัด{self.pname} ประจำปี {fy_of(day)}"
        if kind is MeetingKind.PARTNER_CONSULTATION:
            return f"การประชุมหารือภาคีความร่วมมือการพัฒนาจังหวัด{self.pname}"
        return f"การประชุม{body['name']}"

    def _place(self, kind: MeetingKind, body: dict[str, Any]) -> tuple[str, str | None]:
        rng = self.rng
        capital_tambon = next(c for c, _n, d in self.tambons if d == self.capital_district)
        if kind is MeetingKind.TAMBON_COUNCIL:
            t = body["subdistrict_id"]
            name = self.tambon_name[t]
            comms = self.communities_by_tambon[t]
            place = rng.choice((
                f"ที่ทำการสภาองค์กรชุมชน{self.T}{name}",
                f"ห้องประชุมสำนักงานเขต{self.district_names[body['district_id']]}"
                if self.pc == "10" else f"ห้องประชุมองค์การบริหารส่วนตำบล{name}",
                f"ศาลาประชาคม{self.community_short[rng.choice(comms)['id']]}" if comms
                else f"ศาลาประชาคม{self.T}{name}",
            ))
            return place, t
        if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
            return rng.choice((f"หอประชุมศาลากลางจังหวัด{self.pname}",
                               f"หอประชุมองค์การบริหารส่วนจังหวัด{self.pname}")), capital_tambon
        if kind is MeetingKind.CLUSTER:
            return f"ห้องประชุมศูนย์ประสานงาน{self.cluster_name or ''}", capital_tambon
        return rng.choice((
            f"ห้องประชุมศูนย์ประสานงานองค์กรชุมชนจังหวัด{self.pname}",
            f"ห้องประชุมสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{self.pname}",
            f"ห้องประชุมศาลากลางจังหวัด{self.pname}",
        )), capital_tambon

    def _body_meetings(self, body: dict[str, Any], kind: MeetingKind,
                       days: list[dt.date]) -> list[dict[str, Any]]:
        rng = self.rng
        out: list[dict[str, Any]] = []
        numbers: dict[int, int] = defaultdict(int)
        previous: dict[str, Any] | None = None
        prev_actions: list[dict[str, Any]] = []
        for index, day in enumerate(days):
            year = day.year + 543
            numbers[year] += 1
            held = day < self.today
            next_day = days[index + 1] if index + 1 < len(days) else None
            next_held = next_day is not None and next_day < self.today
            if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
                hour, minute, hours = 8, 30, 8
            elif kind is MeetingKind.TAMBON_COUNCIL:
                hour, minute, hours = rng.choice(((9, 0, 3), (13, 30, 3)))
            else:
                hour, minute, hours = rng.choice(((9, 0, 3), (9, 30, 6), (13, 0, 3)))
            starts = at(day, hour, minute)
            ends = starts + dt.timedelta(hours=hours)
            members = self.members_on(body["id"], day)
            chair = next((m for m in members if m["role"] is MembershipRole.CHAIR), None)
            vice = next((m for m in members if m["role"] is MembershipRole.VICE_CHAIR), None)
            secretary = next((m for m in members if m["role"] is MembershipRole.SECRETARY), None)
            coordinator = next(
                (m for m in members if m["role"] is MembershipRole.COORDINATOR), secretary)
            if held:
                if next_held and next_day is not None and (self.today - next_day).days > 180:
                    status = MeetingStatus.LOCKED
                elif next_held:
                    status = MeetingStatus.MINUTES_CERTIFIED
                elif (self.today - day).days > 3:
                    status = MeetingStatus.MINUTES_DRAFT
                else:
                    status = MeetingStatus.HELD
            else:
                status = (MeetingStatus.INVITED if (day - self.today).days <= 21
                          else MeetingStatus.PLANNED)
            place, tambon = self._place(kind, body)
            created = self.moment(day - dt.timedelta(days=rng.randint(14, 35)))
            started = starts + dt.timedelta(minutes=rng.randint(0, 25)) if held else None
            ended = (started + dt.timedelta(minutes=hours * 60 + rng.randint(-40, 30))
                     if started else None)
            certified_on = next_day if next_held else None
            updated = at(certified_on, 17) if certified_on else (ended or created)
            m = self.row(
                Meeting, created, updated, kind=kind, title=self._title(kind, body, day),
                organization_id=body["id"], number=numbers[year], number_year=year,
                starts_at=starts, ends_at=ends, started_at=started, ended_at=ended,
                place=place, subdistrict_id=tambon,
                organiser=body["name"],
                chair_id=chair["person_id"] if chair else None,
                secretary_id=secretary["person_id"] if secretary else None,
                # Without a secretary of its own (the assembly) CODI's staff take minutes.
                minute_taker_id=((coordinator or secretary or {}).get("person_id")
                                 or self.staff[0]["id"]) if held else None,
                reviewer_id=((vice or chair or {}).get("person_id")) if held else None,
                status=status,
                previous_meeting_id=previous["id"] if previous else None,
                # The certifying meeting comes later in this same table, so a
                # parents-first insert cannot carry the link: certification_links()
                # gives it, to apply once the meetings are in.
                certified_on=certified_on, certified_in_meeting_id=None,
                minutes_version=2 if certified_on and rng.random() < 0.15 else 1,
                notes=None,
            )
            out.append(m)
            if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
                self.assembly_of_fy[fy_of(day)] = m
            called = status is not MeetingStatus.PLANNED
            present = self._people_at(m, body, kind, members, held) if called else 0
            prev_actions = self._agenda(m, body, kind, previous, prev_actions, held, present,
                                        members, day, next_day if next_held else None)
            previous = m
        return out

    def _people_at(self, m: dict[str, Any], body: dict[str, Any], kind: MeetingKind,
                   members: list[dict[str, Any]], held: bool) -> int:
        """Invitees for a meeting that was called, attendance for one that was held."""
        rng = self.rng
        created = m["created_at"]
        mid = m["id"]
        seen: set[str] = set()
        for ms in members:
            if ms["person_id"] in seen:
                continue
            seen.add(ms["person_id"])
            self.invitees.append(self.row(
                Invitee, created, meeting_id=mid, person_id=ms["person_id"],
                organization_id=None, name=self.full_name(self.person_by_id[ms["person_id"]]), role="member"))
        guests: list[dict[str, Any]] = []
        if kind in (MeetingKind.PROVINCIAL_COMMITTEE, MeetingKind.PARTNER_CONSULTATION,
                    MeetingKind.PROVINCIAL_ASSEMBLY, MeetingKind.WORKING_GROUP):
            guests = rng.sample(self.partner_orgs, min(len(self.partner_orgs), rng.randint(1, 3)))
        elif kind is MeetingKind.TAMBON_COUNCIL:
            guests = [o for o in self.partner_orgs if o["subdistrict_id"] == body["subdistrict_id"]]
        for o in guests:
            self.invitees.append(self.row(
                Invitee, created, meeting_id=mid, person_id=None, organization_id=o["id"],
                name=o["name"], role="observer"))
        if not held:
            return 0
        starts = m["started_at"]
        present = 0  # members and their substitutes: those who may vote
        guests_present = 0
        seen.clear()
        rows = self.attendance
        for ms in members:
            person = self.person_by_id[ms["person_id"]]
            if person["id"] in seen:
                continue
            seen.add(person["id"])
            roll = rng.random()
            signed = starts - dt.timedelta(minutes=rng.randint(0, 40))
            base = dict(meeting_id=mid, organization_name=body["name"],
                        organization_id=body["id"], position=label(MembershipRole, ms["role"], "th"),
                        subdistrict_id=person["subdistrict_id"], reason=None,
                        substitute_for_id=None, substitute_for_name=None)
            if roll < 0.80 or ms["role"] is MembershipRole.CHAIR:
                rows.append(self.row(Attendance, signed, person_id=person["id"],
                                     person_name=self.full_name(person), gender=person["gender"],
                                     status=AttendanceStatus.PRESENT, signed_in_at=signed, **base))
                present += 1
            elif roll < 0.93:
                base["reason"] = rng.choice(ABSENCE_REASONS)
                rows.append(self.row(Attendance, m["created_at"], person_id=person["id"],
                                     person_name=self.full_name(person), gender=person["gender"],
                                     status=AttendanceStatus.ABSENT, signed_in_at=None, **base))
            else:
                # Someone from the member's own community comes in their place.
                name, gender = self.walk_in_name()
                base["substitute_for_id"] = person["id"]
                base["substitute_for_name"] = self.full_name(person)
                base["position"] = f"มาแทน{label(MembershipRole, ms['role'], 'th')}"
                rows.append(self.row(Attendance, signed, person_id=None, person_name=name,
                                     gender=gender, status=AttendanceStatus.SUBSTITUTE,
                                     signed_in_at=signed, **base))
                present += 1
        # Non-members: CODI staff, partners' representatives, walk-ins.
        if kind is MeetingKind.PROVINCIAL_ASSEMBLY:
            extra = round(rng.randint(60, 140) * max(0.1, self.scale.factor))
        else:
            extra = rng.randint(1, 4)
        for i in range(extra):
            signed = starts - dt.timedelta(minutes=rng.randint(0, 40))
            if i == 0 and kind is not MeetingKind.TAMBON_COUNCIL:
                person = self.staff[rng.randrange(len(self.staff))]
                org_name, org_id = "สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)", None
            elif self.partner_orgs and rng.random() < 0.5:
                o = rng.choice(self.partner_orgs)
                person, org_name, org_id = self.partner_contacts[o["id"]], o["name"], o["id"]
            else:
                person = rng.choice(self.local_people)
                org_name, org_id = f"ชุมชน{self.community_short.get(person['community_id'], '')}", None
            if person["id"] in seen:
                continue
            seen.add(person["id"])
            rows.append(self.row(
                Attendance, signed, meeting_id=mid, person_id=person["id"],
                person_name=self.full_name(person), organization_name=org_name,
                organization_id=org_id, position=person["position"],
                subdistrict_id=person["subdistrict_id"], gender=person["gender"],
                status=AttendanceStatus.ATTENDEE, reason=None, substitute_for_id=None,
                substitute_for_name=None, signed_in_at=signed))
            guests_present += 1
        self.attendance_of[mid] = present + guests_present
        return present

    def _agenda(self, m: dict[str, Any], body: dict[str, Any], kind: MeetingKind,
                previous: dict[str, Any] | None, prev_actions: list[dict[str, Any]],
                held: bool, present: int, members: list[dict[str, Any]], day: dt.date,
                next_held_day: dt.date | None) -> list[dict[str, Any]]:
        """The six standard sections; returns this meeting's action items."""
        rng = self.rng
        fy = fy_of(day)
        created = m["created_at"]
        updated = m["updated_at"]
        chair = "ประธาน"
        secretary = "เลขานุการ"
        items: list[dict[str, Any]] = []

        def item(section: int, title: str, resolution: str | None, presenter: str,
                 notes: str | None = None, minutes: str | None = None,
                 parent: dict[str, Any] | None = None, project: dict[str, Any] | None = None,
                 action_id: str | None = None) -> dict[str, Any]:
            r = self.row(
                AgendaItem, created, updated if held else created, meeting_id=m["id"],
                parent_id=parent["id"] if parent else None, section=section,
                position=sum(1 for i in items if i["section"] == section
                             and i["parent_id"] == (parent["id"] if parent else None)) + 1,
                title=title, presenter=presenter, duration_minutes=rng.choice((10, 15, 20, 30)),
                notes=notes, minutes_text=(minutes or f"{presenter}ชี้แจงต่อที่ประชุม "
                                           "ที่ประชุมได้ร่วมแลกเปลี่ยนความคิดเห็น") if held else None,
                resolution=resolution if held else None,
                project_id=project["id"] if project else None, action_item_id=action_id)
            items.append(r)
            return r

        # 1. Chair's announcements.
        announcements = [t.format(fy=fy, province=self.pname,
                                  cluster=self.cluster_name or 'กลุ่มจังหวัด')
                         for t in ANNOUNCEMENTS]
        item(1, rng.choice(announcements), "ที่ประชุมรับทราบ", chair)
        # 2. Certify the previous minutes.
        if previous is not None:
            n = f"{previous['number']}/{previous['number_year']}"
            fixed = previous["minutes_version"] > 1
            item(2, f"รับรองรายงานการประชุมครั้งที่ {n}",
                 f"ที่ประชุมมีมติรับรองรายงานการประชุมครั้งที่ {n} "
                 + ("โดยมีการแก้ไขตามที่เสนอ" if fixed else "โดยไม่มีการแก้ไข"), secretary)
        # 3. Matters arising: what the previous meeting asked people to do.
        for a in prev_actions:
            if a["status"] is ActionStatus.DONE:
                outcome = "ที่ประชุมรับทราบ ดำเนินการแล้วเสร็จ"
            elif a["status"] is ActionStatus.CANCELLED:
                outcome = "ที่ประชุมมีมติให้ยกเลิกเรื่องนี้"
            else:
                outcome = "ที่ประชุมรับทราบความก้าวหน้า และให้ติดตามต่อในการประชุมครั้งต่อไป"
            item(3, f"ติดตาม: {a['title']}", outcome, a["owner_name"] or secretary,
                 action_id=a["id"])
        # 4. For information.
        info = [t.format(fy=fy) for t in INFORMATION]
        if rng.random() < 0.5:
            item(4, rng.choice(info), "ที่ประชุมรับทราบ", secretary)
        # 5. For decision, some about this year's projects.
        fy_projects = self.projects_by_fy.get(fy, [])
        if kind is MeetingKind.TAMBON_COUNCIL:
            fy_projects = [pr for pr in fy_projects
                           if pr["subdistrict_id"] == body["subdistrict_id"]]
        decisions: list[dict[str, Any]] = []
        n_decisions = 1 + (rng.random() < 0.45)
        if fy_projects and rng.random() < 0.4 and n_decisions == 2:
            parent = item(5, f"พิจารณาโครงการปีงบประมาณ {fy}",
                          "ที่ประชุมพิจารณาเป็นรายโครงการ ดังนี้", secretary)
            for pr in rng.sample(fy_projects, min(2, len(fy_projects))):
                decisions.append(item(
                    5, f"พิจารณา{pr['name']}",
                    f"ที่ประชุมมีมติเห็นชอบ{pr['name']} และให้เสนอสถาบันพัฒนาองค์กรชุมชนพิจารณาอนุมัติ",
                    secretary, parent=parent, project=pr))
        else:
            topics = [(t.format(fy=fy, province=self.pname), r.format(fy=fy, province=self.pname))
                      for t, r in DECISIONS]
            for _ in range(n_decisions):
                if fy_projects and rng.random() < 0.35:
                    pr = rng.choice(fy_projects)
                    decisions.append(item(
                        5, f"พิจารณา{pr['name']}",
                        f"ที่ประชุมมีมติเห็นชอบ{pr['name']} และให้เสนอสถาบันพัฒนาองค์กรชุมชนพิจารณาอนุมัติ",
                        secretary, project=pr))
                else:
                    title, resolution = rng.choice(topics)
                    decisions.append(item(5, title, resolution, chair))
        # 6. Other business.
        if rng.random() < 0.4:
            if next_held_day is not None:
                item(6, "กำหนดวันประชุมครั้งต่อไป",
                     f"ที่ประชุมกำหนดประชุมครั้งต่อไปในวันที่ {thai_date(next_held_day)}", chair)
            else:
                item(6, "เรื่องอื่น ๆ", "ไม่มี", chair)
        self.agenda.extend(items)

        actions: list[dict[str, Any]] = []
        if not held:
            return prev_actions  # still to be followed up when this meeting is held
        for d in decisions:
            if present >= 3 and rng.random() < 0.25:
                against = rng.randint(0, 2)
                abstain = rng.randint(0, 2)
                votes_for = max(0, present - against - abstain)
                self.votes.append(self.row(
                    Vote, m["ended_at"], meeting_id=m["id"], agenda_item_id=d["id"],
                    question=f"เห็นชอบ{d['title'].removeprefix('พิจารณา')}หรือไม่",
                    votes_for=votes_for, votes_against=against, abstentions=abstain))
                d["resolution"] = (d["resolution"] +
                                   f" ด้วยคะแนนเสียงเห็นชอบ {votes_for} เสียง "
                                   f"ไม่เห็นชอบ {against} เสียง งดออกเสียง {abstain} เสียง")
            if rng.random() < 0.55 and members:
                owner = rng.choice(members)
                due = day + dt.timedelta(days=rng.randint(14, 60))
                project = d["project_id"]
                # Followed up at the next meeting, which closed it; after the last meeting
                # held so far it is still open.
                if next_held_day is None:
                    status = ActionStatus.OPEN
                elif rng.random() < 0.94:
                    status = ActionStatus.DONE
                else:
                    status = ActionStatus.CANCELLED
                closed = at(next_held_day, 12) if next_held_day is not None else None
                title = rng.choice(ACTION_TITLES)
                a = self.row(
                    ActionItem, m["ended_at"], closed or m["ended_at"], meeting_id=m["id"],
                    agenda_item_id=d["id"], title=title, owner_person_id=owner["person_id"],
                    owner_name=self.full_name(self.person_by_id[owner["person_id"]]), due_on=due, status=status,
                    project_id=project, closed_at=closed,
                    closed_in_meeting_id=None, closing_note=(
                        "ดำเนินการแล้วเสร็จ รายงานต่อที่ประชุมแล้ว" if closed else
                        "ยกเลิก เนื่องจากไม่มีความจำเป็นแล้ว"
                        if status is ActionStatus.CANCELLED else None))
                actions.append(a)
        self.actions.extend(actions)
        return actions

    def fix_action_links(self) -> None:
        """Action items closed at the next meeting point at it (it exists by now)."""
        followed: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for a in self.agenda:
            if a["action_item_id"] is not None:
                followed[a["action_item_id"]].append(a)
        for action in self.actions:
            closers = followed.get(action["id"], [])
            if action["closed_at"] is not None and closers:
                action["closed_in_meeting_id"] = closers[0]["meeting_id"]
