"""The demo's organizations, people and memberships."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from codi_core.models import (
    CommunityKind,
    Gender,
    Membership,
    MembershipRole,
    Organization,
    OrganizationKind,
    Person,
    Sector,
)

from .base import GeneratorBase
from .words import (
    DISTRICT_NETWORKS,
    FEMALE_NAMES,
    MALE_NAMES,
    OCCUPATION_GROUPS,
    PROVINCE_NETWORKS,
    WORKING_GROUPS,
)


class PeopleMixin(GeneratorBase):
    """The province's bodies and groups, their people and seats."""

    # -- organizations, people, memberships ----------------------------------------------

    def organizations(self) -> list[dict[str, Any]]:
        """Organizations; people and memberships are made here too (they go together)."""
        rng = self.rng
        f = self.scale.factor
        p = self.pname
        orgs: list[dict[str, Any]] = []
        self.orgs_by_kind: dict[OrganizationKind, list[dict[str, Any]]] = defaultdict(list)
        self.council_of: dict[str, dict[str, Any]] = {}
        self.welfare_of: dict[str, dict[str, Any]] = {}

        def org(kind: OrganizationKind, name: str, tambon: str | None = None,
                district: str | None = None, community: dict[str, Any] | None = None,
                founded: dt.date | None = None, sector: Sector | None = None,
                **extra: Any) -> dict[str, Any]:
            founded = founded or self.day_between(dt.date(2004, 1, 1), dt.date(2018, 12, 31))
            created = self.moment(self.day_between(dt.date(2016, 6, 1), dt.date(2017, 3, 31)))
            if founded > created.date():
                created = self.moment(founded)
            if community is not None:
                tambon = community["subdistrict_id"]
            if tambon is not None:
                district = self.tambon_district[tambon]
            r = self.row(
                Organization, created, created + dt.timedelta(days=rng.randint(0, 2500)),
                name=name, kind=kind, sector=sector, subdistrict_id=tambon,
                district_id=district, community_id=community["id"] if community else None,
                founded_on=founded, registered_on=extra.pop("registered_on", None),
                members_count=extra.pop("members_count", None),
                fund_balance_satang=extra.pop("fund_balance_satang", None),
                savings_satang=extra.pop("savings_satang", None),
                phone=self.phone() if rng.random() < 0.7 else None, notes=None,
            )
            orgs.append(r)
            self.orgs_by_kind[kind].append(r)
            return r

        # The bodies that run the province's movement (each one meets).
        self.provincial_committee = org(
            OrganizationKind.COMMITTEE, f"คณะกรรมการขบวนองค์กรชุมชนจังหวัด{p}",
            district=self.capital_district, founded=dt.date(2012, 5, 14))
        self.cluster_committee = org(
            OrganizationKind.COMMITTEE,
            f"คณะกรรมการขบวนองค์กรชุมชน{self.cluster_name or 'กลุ่มจังหวัด'}",
            district=self.capital_district, founded=dt.date(2013, 2, 4))
        self.assembly_body = org(
            OrganizationKind.COMMITTEE, f"สมัชชาองค์กรชุมชนจังหวัด{p}",
            district=self.capital_district, founded=dt.date(2014, 8, 20))
        self.partner_forum = org(
            OrganizationKind.COMMITTEE, f"คณะทำงานภาคีความร่วมมือการพัฒนาจังหวัด{p}",
            district=self.capital_district, founded=dt.date(2015, 3, 9))
        wg_topics = WORKING_GROUPS
        self.working_groups = [
            org(OrganizationKind.COMMITTEE, f"{title}{p}", district=self.capital_district,
                founded=self.day_between(dt.date(2013, 1, 1), dt.date(2016, 6, 30)))
            for _prog, title in wg_topics[: self.scale.working_groups]
        ]
        self.wg_program = {
            wg["id"]: prog for wg, (prog, _t) in zip(self.working_groups, wg_topics, strict=False)
        }

        # One tambon community council per tambon, and most tambons have a welfare fund.
        for code, name, _d in self.tambons:
            registered = self.day_between(dt.date(2009, 3, 1), dt.date(2016, 9, 1))
            n_comm = len(self.communities_by_tambon[code])
            self.council_of[code] = org(
                OrganizationKind.TAMBON_COUNCIL, f"สภาองค์กรชุมชน{self.T}{name}", tambon=code,
                founded=registered, registered_on=registered,
                members_count=max(8, n_comm * rng.randint(2, 3)))
        for code, name, _d in self.tambons:
            if rng.random() < 0.85:
                self.welfare_of[code] = org(
                    OrganizationKind.WELFARE_FUND, f"กองทุนสวัสดิการชุมชน{self.T}{name}", tambon=code,
                    founded=self.day_between(dt.date(2006, 1, 1), dt.date(2015, 12, 31)),
                    members_count=rng.randint(250, 3500),
                    fund_balance_satang=rng.randint(2_000, 60_000) * 100_00)
        # Local governments are the partners closest to communities.
        for code, name, _d in self.tambons:
            if self.pc == "10":
                continue  # Bangkok's districts are offices of the BMA, listed below
            if rng.random() < 0.6:
                kind = "เทศบาลตำบล" if rng.random() < 0.3 else "องค์การบริหารส่วนตำบล"
                org(OrganizationKind.PARTNER, f"{kind}{name}", tambon=code,
                    sector=Sector.LOCAL_GOVERNMENT, founded=dt.date(1997, 3, 1))
        if self.pc == "10":
            for d in self.districts:
                org(OrganizationKind.PARTNER, f"สำนักงานเขต{self.district_names[d]}", district=d,
                    sector=Sector.LOCAL_GOVERNMENT, founded=dt.date(1972, 12, 13))
        partners = [
            (Sector.GOVERNMENT, f"สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{p}"),
            (Sector.LOCAL_GOVERNMENT, f"องค์การบริหารส่วนจังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"มูลนิธิพัฒนาชุมชนจังหวัด{p}"),
            (Sector.ACADEMIC, f"วิทยาลัยเกษตรและเทคโนโลยี{p}"),
            (Sector.PRIVATE, f"หอการค้าจังหวัด{p}"),
            (Sector.COMMUNITY, f"ศูนย์ประสานงานองค์กรชุมชนจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานพัฒนาชุมชนจังหวัด{p}"),
            (Sector.GOVERNMENT, f"ที่ทำการปกครองจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานเกษตรจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานสาธารณสุขจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานที่ดินจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด{p}"),
            (Sector.GOVERNMENT, f"สำนักงานสหกรณ์จังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"สมาคมผู้สูงอายุจังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"เครือข่ายประชาสังคมจังหวัด{p}"),
            (Sector.CIVIL_SOCIETY, f"มูลนิธิเพื่อนชุมชน{p}"),
            (Sector.PRIVATE, f"สภาอุตสาหกรรมจังหวัด{p}"),
            (Sector.PRIVATE, f"บริษัท {self.place_name()}พัฒนา จำกัด"),
            (Sector.ACADEMIC, f"โรงเรียน{self.place_name()}วิทยา"),
            (Sector.ACADEMIC, f"ศูนย์การศึกษานอกระบบและการศึกษาตามอัธยาศัยจังหวัด{p}"),
        ]
        for sector, name in partners[: max(6, round(len(partners) * min(1.0, f * 4)))]:
            org(OrganizationKind.PARTNER, name, district=self.capital_district, sector=sector,
                founded=self.day_between(dt.date(1990, 1, 1), dt.date(2010, 1, 1)))
        self.partner_orgs = list(self.orgs_by_kind[OrganizationKind.PARTNER])

        # Networks: province-wide ones, then per district.
        for title in PROVINCE_NETWORKS:
            org(OrganizationKind.NETWORK, f"{title}{p}", district=self.capital_district,
                members_count=rng.randint(20, 120))
        district_networks = tuple(t.format(a=self.A) for t in DISTRICT_NETWORKS)
        for d in self.districts:
            for title in district_networks:
                if title is district_networks[0] or rng.random() < 0.5:
                    org(OrganizationKind.NETWORK, f"{title}{self.district_names[d]}",
                        district=d, members_count=rng.randint(8, 60))

        village_comms = [c for c in self.community_rows
                         if c["kind"] not in (CommunityKind.URBAN, CommunityKind.OTHER)]
        housing_comms = [c for c in self.community_rows
                         if c["kind"] in (CommunityKind.URBAN, CommunityKind.CANAL_SIDE,
                                          CommunityKind.RAILWAY)] or self.community_rows
        for c in rng.sample(housing_comms, min(len(housing_comms), max(2, round(40 * f)))):
            org(OrganizationKind.COOPERATIVE,
                f"สหกรณ์เคหสถานบ้านมั่นคง{self.community_short[c['id']]} จำกัด", community=c,
                members_count=rng.randint(30, 250),
                savings_satang=rng.randint(300, 8_000) * 1000_00)
        rest = self.scale.organizations - len(orgs)
        savings = max(3, round(rest * 0.6))
        for c in rng.choices(village_comms or self.community_rows, k=savings):
            org(OrganizationKind.SAVINGS_GROUP,
                f"กลุ่มออมทรัพย์เพื่อการผลิต{self.community_short[c['id']]}"
                if c["kind"] is not CommunityKind.URBAN else
                f"กลุ่มออมทรัพย์ชุมชน{self.community_short[c['id']]}",
                community=c, members_count=rng.randint(30, 400),
                savings_satang=rng.randint(50, 4_000) * 1000_00)
        for c in rng.choices(village_comms or self.community_rows,
                             k=max(3, self.scale.organizations - len(orgs))):
            x = self.community_short[c["id"]].removeprefix("บ้าน")
            org(OrganizationKind.COMMUNITY_ORG, rng.choice(OCCUPATION_GROUPS).format(x=x),
                community=c, members_count=rng.randint(10, 80))
        self.org_rows = orgs
        self.org_by_id = {o["id"]: o for o in orgs}
        self._people_and_memberships()
        return orgs

    def _person(self, tambon: str | None, community: dict[str, Any] | None,
                position: str | None = None) -> dict[str, Any]:
        rng = self.rng
        x = rng.random()
        if x < 0.53:
            gender, first = Gender.FEMALE, rng.choice(FEMALE_NAMES)
            prefix = "นาง" if rng.random() < 0.7 else "นางสาว"
        elif x < 0.997:
            gender, first, prefix = Gender.MALE, rng.choice(MALE_NAMES), "นาย"
        else:
            gender, first, prefix = Gender.OTHER, rng.choice(FEMALE_NAMES + MALE_NAMES), None
        created = self.moment(self.day_between(dt.date(2016, 6, 1), dt.date(2025, 12, 31)))
        r = self.row(
            Person, created, created + dt.timedelta(days=rng.randint(0, 600)),
            prefix=prefix, first_name=first, last_name=self.surname(), gender=gender,
            position=position, phone=self.phone() if rng.random() < 0.85 else None,
            email=None, subdistrict_id=tambon,
            community_id=community["id"] if community else None, notes=None,
        )
        self.people_rows.append(r)
        self.person_by_id[r["id"]] = r
        return r

    def _people_and_memberships(self) -> None:
        rng = self.rng
        self.people_rows: list[dict[str, Any]] = []
        self.person_by_id: dict[str, dict[str, Any]] = {}
        self.memberships_rows: list[dict[str, Any]] = []
        self.seats: dict[str, list[dict[str, Any]]] = defaultdict(list)  # org id -> memberships
        self.person_orgs: dict[str, list[str]] = defaultdict(list)
        capital_tambon = next(c for c, _n, d in self.tambons if d == self.capital_district)

        # CODI staff who coordinate the province, and partner agencies' contact people.
        self.staff = [
            self._person(capital_tambon, None, "เจ้าหน้าที่ประสานงาน สถาบันพัฒนาองค์กรชุมชน")
            for _ in range(max(2, round(6 * self.scale.factor ** 0.5)))
        ]
        for s in self.staff:
            s["email"] = f"staff{len(self.people_rows):03d}@codi.or.th"
        self.partner_contacts: dict[str, dict[str, Any]] = {}
        for o in self.partner_orgs:
            contact = self._person(o["subdistrict_id"] or capital_tambon, None,
                                   "ผู้แทน" + o["name"])
            self.partner_contacts[o["id"]] = contact
        # Everyone else lives in a community of a tambon.
        n_local = max(0, self.scale.people - len(self.people_rows))
        comms = self.community_rows
        weights = [c["households"] for c in comms]
        self.people_by_tambon: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in rng.choices(comms, weights=weights, k=n_local):
            person = self._person(c["subdistrict_id"], c)
            self.people_by_tambon[c["subdistrict_id"]].append(person)
        self.local_people = [p for t in self.tambons for p in self.people_by_tambon[t[0]]]

        for o in self.partner_orgs:
            self.seat(o, self.partner_contacts[o["id"]], MembershipRole.COORDINATOR,
                      o["created_at"].date())

        def pool(tambon: str | None) -> list[dict[str, Any]]:
            people = self.people_by_tambon.get(tambon or "", [])
            return people if len(people) >= 6 else self.local_people

        sizes = {
            OrganizationKind.WELFARE_FUND: (5, 9), OrganizationKind.SAVINGS_GROUP: (3, 7),
            OrganizationKind.COOPERATIVE: (5, 9), OrganizationKind.COMMUNITY_ORG: (3, 5),
            OrganizationKind.NETWORK: (5, 11),
        }
        # Councils: one or two representatives per community of the tambon.
        self.council_chairs = []
        for code, _n, _d in self.tambons:
            council = self.council_of[code]
            size = min(30, max(9, len(self.communities_by_tambon[code]) + rng.randint(2, 4)))
            members = self.staff_body(council, pool(code), size)
            self.council_chairs.append(members[0])
        for kind, (lo, hi) in sizes.items():
            for o in self.orgs_by_kind[kind]:
                self.staff_body(o, pool(o["subdistrict_id"]), rng.randint(lo, hi))
        # Province bodies draw on the councils' leaders and the staff.
        chairs = list(self.council_chairs)
        rng.shuffle(chairs)
        size = self.scale.committee_size
        pc = self.staff_body(self.provincial_committee, chairs[: size - 3] +
                             rng.sample(self.local_people, 3), size - 1, shuffle=False)
        self.seat(self.provincial_committee, self.staff[0], MembershipRole.COORDINATOR,
                  self.provincial_committee["founded_on"])
        cluster_pool = pc[:8] + rng.sample(self.local_people, 12)
        self.staff_body(self.cluster_committee, cluster_pool, min(20, len(cluster_pool)))
        self.seat(self.cluster_committee, self.staff[0], MembershipRole.COORDINATOR,
                  self.cluster_committee["founded_on"])
        # The assembly's members are the councils (by their chairs) and the committee.
        for person in [*pc, *chairs[size - 3:]]:
            self.seat(self.assembly_body, person,
                      MembershipRole.CHAIR if person is pc[0] else MembershipRole.MEMBER,
                      self.assembly_body["founded_on"])
        forum = [self.partner_contacts[o["id"]] for o in self.partner_orgs
                 if o["sector"] is not Sector.LOCAL_GOVERNMENT][:10]
        self.staff_body(self.partner_forum, pc[:5] + forum, min(15, 5 + len(forum)),
                        shuffle=False)
        for i, wg in enumerate(self.working_groups):
            wg_pool = pc[3:] + rng.sample(self.local_people, 10)
            self.staff_body(wg, wg_pool, rng.randint(8, 11))
            self.seat(wg, self.staff[i % len(self.staff)], MembershipRole.COORDINATOR,
                      wg["founded_on"])
        # Everyone belongs somewhere: an ordinary member of a group of their own community,
        # or of their tambon's welfare fund (bodies whose members do not all sit in
        # meetings, so attendance stays the size of the councils and committees).
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for kind in (OrganizationKind.SAVINGS_GROUP, OrganizationKind.COMMUNITY_ORG):
            for o in self.orgs_by_kind[kind]:
                groups[o["community_id"]].append(o)
        for person in self.local_people:
            if person["id"] not in self.person_orgs:
                tambon = person["subdistrict_id"]
                choices = groups.get(person["community_id"], [])
                if tambon in self.welfare_of:
                    choices = [*choices, self.welfare_of[tambon]]
                body = rng.choice(choices) if choices else self.council_of[tambon]
                self.seat(body, person, MembershipRole.MEMBER, body["founded_on"])

    def seat(self, o: dict[str, Any], person: dict[str, Any], role: MembershipRole,
             from_on: dt.date, to_on: dt.date | None = None) -> dict[str, Any]:
        created = self.moment(max(from_on, o["created_at"].date()))
        m = self.row(Membership, created, person_id=person["id"], organization_id=o["id"],
                     role=role, from_on=from_on, to_on=to_on)
        self.memberships_rows.append(m)
        self.seats[o["id"]].append(m)
        self.person_orgs[person["id"]].append(o["id"])
        return m

    def staff_body(self, o: dict[str, Any], people: list[dict[str, Any]], size: int,
                   shuffle: bool = True) -> list[dict[str, Any]]:
        """Give an organization its officers and committee; some seats changed hands."""
        rng = self.rng
        if shuffle:
            chosen = rng.sample(people, min(size, len(people)))
        else:
            seen: set[str] = set()
            chosen = [p for p in people if not (p["id"] in seen or seen.add(p["id"]))][:size]
        roles = [MembershipRole.CHAIR, MembershipRole.VICE_CHAIR, MembershipRole.SECRETARY,
                 MembershipRole.TREASURER]
        start = max(o["founded_on"], dt.date(2010, 1, 1))
        current = []
        for i, person in enumerate(chosen):
            role = roles[i] if i < len(roles) else (
                MembershipRole.ADVISOR if i >= size - 1 and size > 12 else MembershipRole.COMMITTEE)
            if rng.random() < 0.12 and len(self.local_people) > 10:
                # An earlier holder of this seat, whose term ended.
                change = self.day_between(max(start + dt.timedelta(days=365),
                                              dt.date(2018, 1, 1)), dt.date(2025, 6, 30))
                earlier = rng.choice(people)
                if earlier["id"] != person["id"] and change < dt.date(2025, 6, 30):
                    self.seat(o, earlier, role, start, change - dt.timedelta(days=1))
                    self.seat(o, person, role, change)
                    current.append(person)
                    continue
            self.seat(o, person, role, start)
            current.append(person)
            if role is MembershipRole.CHAIR and person["position"] is None:
                person["position"] = f"ประธาน{o['name']}"
        return current

    def members_on(self, org_id: str, day: dt.date) -> list[dict[str, Any]]:
        return [m for m in self.seats.get(org_id, ())
                if (m["from_on"] is None or m["from_on"] <= day)
                and (m["to_on"] is None or m["to_on"] >= day)]
