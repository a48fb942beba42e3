<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="th_TH">
<context>
    <name></name>
    <message>
        <source>ยังไม่ได้ยื่น</source>
        <translation>Not submitted</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>เรื่อง</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>กำหนดเสร็จ</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>จากการประชุม</source>
        <translation>From meeting</translation>
    </message>
    <message>
        <source>สิ่งที่ต้องทำ</source>
        <translation>What is to be done</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ: พิมพ์ชื่อ</source>
        <translation>Owner: type a name</translation>
    </message>
    <message>
        <source>หรือชื่อหน่วยงานผู้รับผิดชอบ</source>
        <translation>or the responsible body</translation>
    </message>
    <message>
        <source>โครงการที่เกี่ยวข้อง: พิมพ์รหัสหรือชื่อ</source>
        <translation>Linked project: type a code or name</translation>
    </message>
    <message>
        <source>เพิ่มเรื่องที่ต้องติดตาม</source>
        <translation>Add action item</translation>
    </message>
    <message>
        <source>ผลการดำเนินงาน</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>ปิดเรื่อง (ดำเนินการแล้ว) ในการประชุมนี้</source>
        <translation>Close as done in this meeting</translation>
    </message>
    <message>
        <source>ยังไม่เสร็จ</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>เสร็จแล้ว</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ปิดเรื่องแล้ว</source>
        <translation>Action item closed</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>วาระที่</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>ผู้นำเสนอ</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>นาที</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>มติ</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>เรื่องที่จะเพิ่ม</source>
        <translation>Subject to add</translation>
    </message>
    <message>
        <source> นาที</source>
        <translation> min</translation>
    </message>
    <message>
        <source>เป็นเรื่องย่อยของรายการที่เลือก</source>
        <translation>As a sub-item of the selected item</translation>
    </message>
    <message>
        <source>เพิ่มเรื่อง</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>สาระสำคัญที่ประชุมหารือ</source>
        <translation>What the meeting discussed</translation>
    </message>
    <message>
        <source>มติที่ประชุม</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>มีการลงคะแนน</source>
        <translation>Put to a vote</translation>
    </message>
    <message>
        <source>เห็นด้วย</source>
        <translation>For</translation>
    </message>
    <message>
        <source>ไม่เห็นด้วย</source>
        <translation>Against</translation>
    </message>
    <message>
        <source>งดออกเสียง</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <source>บันทึกรายงานวาระนี้</source>
        <translation>Save this item’s minutes</translation>
    </message>
    <message>
        <source>ลบเรื่องนี้</source>
        <translation>Delete this item</translation>
    </message>
    <message>
        <source>เหตุผลที่แก้ไขรายงานที่ล็อกแล้ว</source>
        <translation>Why the locked minutes are corrected</translation>
    </message>
    <message>
        <source>บันทึกเป็นฉบับแก้ไขใหม่</source>
        <translation>Save as a new version</translation>
    </message>
    <message>
        <source>รายงานการประชุม</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>ระเบียบวาระที่ %1</source>
        <translation>Agenda item %1</translation>
    </message>
    <message>
        <source>บันทึกมติและผลการลงคะแนนแล้ว</source>
        <translation>Resolution and vote saved</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>บันทึกรายงานวาระนี้แล้ว</source>
        <translation>Minutes of this item saved</translation>
    </message>
    <message>
        <source>บันทึกรายงานการประชุมฉบับที่ %1 แล้ว ฉบับเดิมยังเก็บไว้</source>
        <translation>Minutes version %1 saved; the earlier version is kept</translation>
    </message>
</context>
<context>
    <name>AssemblyPanel</name>
    <message>
        <source>นำเข้ารายชื่อจาก Excel (.xlsx)…</source>
        <translation>Import participants from Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>ข้อเสนอที่ที่ประชุมรับรอง</source>
        <translation>Proposal adopted by the assembly</translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัด</source>
        <translation>Provincial development plan</translation>
    </message>
    <message>
        <source>ข้อเสนอเชิงนโยบาย</source>
        <translation>Policy proposal</translation>
    </message>
    <message>
        <source>บันทึกข้อเสนอ</source>
        <translation>Save proposal</translation>
    </message>
    <message>
        <source>บันทึกเป็นหลักฐานเกณฑ์ข้อ 10 ของการประเมินจังหวัด</source>
        <translation>Record as evidence for criterion 10 of the province assessment</translation>
    </message>
    <message>
        <source>บันทึกหลักฐานเกณฑ์ข้อ 10 แล้ว</source>
        <translation>Criterion 10 evidence recorded</translation>
    </message>
    <message>
        <source>ตามประเภทองค์กร</source>
        <translation>By organization type</translation>
    </message>
    <message>
        <source>ตามอำเภอ</source>
        <translation>By district</translation>
    </message>
    <message>
        <source>ตามตำบล</source>
        <translation>By subdistrict</translation>
    </message>
    <message>
        <source>ตามเพศ</source>
        <translation>By gender</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อ</source>
        <translation>Import participants</translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>การประเมินจังหวัดจัดการตนเอง</source>
        <translation>Self-managing province assessment</translation>
    </message>
    <message>
        <source>ปีงบประมาณ %1</source>
        <translation>Fiscal year %1</translation>
    </message>
    <message>
        <source>ผู้ประเมิน (คั่นด้วยเครื่องหมายจุลภาค)</source>
        <translation>Assessors (separated by commas)</translation>
    </message>
    <message>
        <source>บันทึกผลการประเมิน</source>
        <translation>Save the assessment</translation>
    </message>
    <message>
        <source>บันทึกมติเห็นชอบของคณะกรรมการ</source>
        <translation>Record the committee&apos;s agreement</translation>
    </message>
    <message>
        <source>รับรองผลการประเมิน (ส่วนกลาง)</source>
        <translation>Certify the assessment (HQ)</translation>
    </message>
    <message>
        <source>พิมพ์รายงานการพัฒนาจังหวัด</source>
        <translation>Print the province development report</translation>
    </message>
    <message>
        <source>ประชุมที่เห็นชอบ</source>
        <translation>Meeting that agreed it</translation>
    </message>
    <message>
        <source>สถานะ: %1 · %2</source>
        <translation>Status: %1 · %2</translation>
    </message>
    <message>
        <source>ยังไม่ได้ประเมินปีนี้</source>
        <translation>Not assessed this year</translation>
    </message>
    <message>
        <source>ปี %1</source>
        <translation>FY %1</translation>
    </message>
    <message>
        <source>บันทึกผลการประเมินแล้ว</source>
        <translation>Assessment saved</translation>
    </message>
    <message>
        <source>บันทึกมติเห็นชอบแล้ว</source>
        <translation>Agreement recorded</translation>
    </message>
    <message>
        <source>รับรองผลการประเมินแล้ว</source>
        <translation>Assessment certified</translation>
    </message>
    <message>
        <source>รายงานการพัฒนาจังหวัด %1</source>
        <translation>Province development report %1</translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation>Making the document…</translation>
    </message>
    <message>
        <source>บันทึกเอกสารแล้ว: %1</source>
        <translation>Document saved: %1</translation>
    </message>
    <message>
        <source>พิมพ์เอกสาร</source>
        <translation>Print document</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>เหตุผลที่ไม่มา (ลาป่วย ติดภารกิจ ...)</source>
        <translation>Reason for absence (sick, other duties ...)</translation>
    </message>
    <message>
        <source>มาประชุมแทนใคร: พิมพ์ชื่อ</source>
        <translation>Attending for: type a name</translation>
    </message>
    <message>
        <source>ลงทะเบียน: พิมพ์ชื่อบางส่วน แล้วเลือก</source>
        <translation>Sign in: type part of a name, then choose</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>องค์กร / หน่วยงาน</source>
        <translation>Organization / agency</translation>
    </message>
    <message>
        <source>ลงทะเบียนผู้มาใหม่</source>
        <translation>Sign in walk-in</translation>
    </message>
    <message>
        <source>ผู้มาใหม่ (ยังไม่มีในฐานข้อมูล)</source>
        <translation>Walk-in (not yet in the database)</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>องค์กร / ตำแหน่ง</source>
        <translation>Organization / position</translation>
    </message>
    <message>
        <source>มาแทน / เหตุผล</source>
        <translation>Attending for / reason</translation>
    </message>
    <message>
        <source>ลบรายชื่อที่เลือก</source>
        <translation>Remove the selected name</translation>
    </message>
    <message>
        <source>บันทึกเป็น</source>
        <translation>Record as</translation>
    </message>
    <message>
        <source>อำเภอ</source>
        <translation>District</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>แทน %1</source>
        <translation>for %1</translation>
    </message>
    <message>
        <source>ผู้เข้าประชุม %1 คน · ไม่มาประชุม %2 คน · เชิญ %3 ราย</source>
        <translation>%1 present · %2 absent · %3 invited</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>ยังไม่มีข้อมูล</source>
        <extracomment>the thinnest bar drawn for a value above zero, so small programs stay visible bar thickness in horizontal charts, as a share of the text height a fixed top of the scale (levels 0–4), or None to scale to the largest value</extracomment>
        <translation>No data yet</translation>
    </message>
</context>
<context>
    <name>CentreBox</name>
    <message>
        <source>ข้อมูลศูนย์สำหรับหนังสือ</source>
        <translation>Centre details for letters</translation>
    </message>
    <message>
        <source>เช่น พอช. อบ</source>
        <translation>e.g. พอช. อบ</translation>
    </message>
    <message>
        <source>เช่น งานประสานงานจังหวัด</source>
        <translation>e.g. provincial coordination office</translation>
    </message>
    <message>
        <source>บันทึกข้อมูลศูนย์</source>
        <translation>Save centre details</translation>
    </message>
    <message>
        <source>เลขที่หนังสือ (ที่)</source>
        <translation>Document number prefix</translation>
    </message>
    <message>
        <source>ที่อยู่สำนักงาน</source>
        <translation>Office address</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>ผู้ประสานงาน</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ความพร้อม (%)</source>
        <translation>Readiness (%)</translation>
    </message>
    <message>
        <source>ผลการประเมิน</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>บันทึกตารางเปรียบเทียบตามที่เรียงไว้เป็นไฟล์ Excel หรือ CSV</source>
        <translation>Save the comparison, sorted as shown, as an Excel or CSV file</translation>
    </message>
    <message>
        <source>เปรียบเทียบจังหวัดในขอบเขต</source>
        <translation>Provinces in scope compared</translation>
    </message>
    <message>
        <source>ยังไม่ประเมิน</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <source>เปรียบเทียบจังหวัด ปีงบประมาณ %1</source>
        <translation>Province comparison, fiscal year %1</translation>
    </message>
    <message>
        <source>ส่งออกตารางเปรียบเทียบ</source>
        <translation>Export the comparison</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>ส่งออกแล้ว: %1</source>
        <translation>Exported: %1</translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>ไม่ลบ</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>CriterionLevelsBox</name>
    <message>
        <source>ความหมายของแต่ละระดับในเกณฑ์ 10 ข้อ</source>
        <translation>What each level means in the 10 criteria</translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ความหมาย (ภาษาไทย)</source>
        <translation>Meaning (Thai)</translation>
    </message>
    <message>
        <source>ความหมาย (ภาษาอังกฤษ)</source>
        <translation>Meaning (English)</translation>
    </message>
    <message>
        <source>บันทึกความหมายของระดับ</source>
        <translation>Save the level meanings</translation>
    </message>
    <message>
        <source>ไม่มีการเปลี่ยนแปลง</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <source>บันทึกความหมายของระดับในเกณฑ์ข้อ %1 แล้ว</source>
        <translation>Saved the level meanings of criterion %1</translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <source>หลักฐาน / บันทึกประกอบ</source>
        <translation>Evidence / notes</translation>
    </message>
    <message>
        <source>ใช้หลักฐานนี้</source>
        <translation>Use this evidence</translation>
    </message>
    <message>
        <source>ไม่ใช้</source>
        <translation>Don&apos;t use</translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>ไม่มีหลักฐานจากข้อมูลที่แนะนำได้</source>
        <translation>No evidence to suggest from the records</translation>
    </message>
    <message>
        <source>แนะนำระดับ %1: %2</source>
        <translation>Suggested level %1: %2</translation>
    </message>
    <message>
        <source>ใช้หลักฐานที่แนะนำแล้ว</source>
        <translation>Suggested evidence used</translation>
    </message>
    <message>
        <source>ไม่ใช้หลักฐานที่แนะนำ</source>
        <translation>Suggested evidence not used</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>ปีงบประมาณ %1</source>
        <translation>Fiscal year %1</translation>
    </message>
    <message>
        <source>ภาพรวมจังหวัด</source>
        <translation>Province overview</translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>ครัวเรือนในชุมชน</source>
        <translation>Households in communities</translation>
    </message>
    <message>
        <source>องค์กรชุมชนและภาคี</source>
        <translation>Community organizations and partners</translation>
    </message>
    <message>
        <source>โครงการในปีงบประมาณ</source>
        <translation>Projects in the fiscal year</translation>
    </message>
    <message>
        <source>การประชุมที่จัดแล้วในปีงบประมาณ</source>
        <translation>Meetings held in the fiscal year</translation>
    </message>
    <message>
        <source>แผนงาน</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>จัดสรร</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <source>อนุมัติ</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>เบิกจ่าย</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <source>คงเหลือ</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน (บาท)</source>
        <translation>Budget by program (baht)</translation>
    </message>
    <message>
        <source>การประชุมที่จัดแล้วในแต่ละเดือน</source>
        <translation>Meetings held per month</translation>
    </message>
    <message>
        <source>โครงการตามสถานะ</source>
        <translation>Projects by status</translation>
    </message>
    <message>
        <source>องค์กรตามประเภท</source>
        <translation>Organizations by type</translation>
    </message>
    <message>
        <source>ชุมชนตามประเภท</source>
        <translation>Communities by type</translation>
    </message>
    <message>
        <source>ระดับการประเมินจังหวัดจัดการตนเอง (10 เกณฑ์)</source>
        <translation>Self-managing province assessment (10 criteria)</translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน (ตัวเลข)</source>
        <translation>Budget by program (figures)</translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>ยังไม่มีการประเมินในปีงบประมาณนี้</source>
        <translation>No assessment in this fiscal year yet</translation>
    </message>
    <message>
        <source>เกณฑ์ที่ %1</source>
        <translation>Criterion %1</translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>การประชุม</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>รวม</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ปี %1 เป็น ค.ศ. ใช้ พ.ศ. %2 แทน</source>
        <translation>%1 is a CE year; using BE %2 instead</translation>
    </message>
    <message>
        <source>วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วว/ดด/ปปปป พ.ศ. เช่น 25/11/2569 หรือเลือกจากปฏิทิน</source>
        <translation>Not a date: type dd/mm/yyyy in the Buddhist Era, e.g. 25/11/2569, or pick it from the calendar</translation>
    </message>
    <message>
        <source>เดือนก่อน</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>เดือนถัดไป</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>พ.ศ. </source>
        <translation>BE </translation>
    </message>
    <message>
        <source>วันนี้</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>ล้างวันที่</source>
        <translation>Clear date</translation>
    </message>
    <message>
        <source>วว/ดด/ปปปป พ.ศ.</source>
        <translation>dd/mm/yyyy (Buddhist Era)</translation>
    </message>
    <message>
        <source>เลือกจากปฏิทิน (Alt+↓)</source>
        <translation>Pick from the calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>ปีงบประมาณ </source>
        <translation>Fiscal year </translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบที่อยู่เซิร์ฟเวอร์และการเชื่อมต่ออินเทอร์เน็ต แล้วลองใหม่</source>
        <translation>Could not reach the server. Check the server address and the internet connection, then try again.</translation>
    </message>
    <message>
        <source>อ่านหรือเขียนไฟล์ไม่ได้: %1</source>
        <translation>Could not read or write a file: %1</translation>
    </message>
    <message>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วยังอยู่ครบ ลองทำอีกครั้ง หากยังเกิดขึ้นให้แจ้งผู้ดูแลระบบพร้อมไฟล์บันทึก (log)</source>
        <translation>Something unexpected went wrong. Everything already saved is safe. Try again; if it happens again, tell your administrator and send the log file.</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>กรองตามผู้รับผิดชอบ</source>
        <translation>Filter by owner</translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>กำหนดเสร็จ</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>จากการประชุม</source>
        <translation>From meeting</translation>
    </message>
    <message>
        <source>เลยกำหนดแล้ว</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>ครบกำหนดภายใน 14 วัน</source>
        <translation>Due within 14 days</translation>
    </message>
    <message>
        <source>ยังไม่ถึงกำหนด หรือไม่ได้กำหนดวัน</source>
        <translation>Not due yet, or no due date</translation>
    </message>
    <message>
        <source>เลยกำหนด</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>ใกล้ครบกำหนด</source>
        <translation>Due soon</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>พิมพ์ชื่อตำบล</source>
        <extracomment>only shown for these values of the form&apos;s &quot;kind&quot; field (organization kinds)</extracomment>
        <translation>Type a subdistrict name</translation>
    </message>
    <message>
        <source>ไม่พบตำบลนี้ ให้เลือกจากรายการ</source>
        <translation>Unknown subdistrict: choose one from the list</translation>
    </message>
    <message>
        <source>จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50</source>
        <translation>Not an amount: type a number, e.g. 1,234.50</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>ลบ…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:</source>
        <translation>Not saved yet; fix the fields framed in red:</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>ลบแล้ว</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>เมื่อ</source>
        <translation>When</translation>
    </message>
    <message>
        <source>ผู้แก้ไข</source>
        <translation>By</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>ประวัติการแก้ไข</source>
        <translation>History</translation>
    </message>
    <message>
        <source>มีการแก้ไขที่ยังไม่ได้บันทึก จะทิ้งการแก้ไขนี้หรือไม่?</source>
        <translation>There are unsaved changes. Discard them?</translation>
    </message>
    <message>
        <source>ทิ้งการแก้ไข</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>แก้ไขต่อ</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>ชื่อชุมชน</source>
        <translation>Community name</translation>
    </message>
    <message>
        <source>ประเภทชุมชน</source>
        <translation>Community type</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation>Village no.</translation>
    </message>
    <message>
        <source>จำนวนครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>จำนวนประชากร</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>ชื่อผู้นำชุมชน</source>
        <translation>Community leader</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>ลงทะเบียนชุมชนใหม่</source>
        <translation>Register a new community</translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>ลบชุมชนนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation>Delete this community? It is marked as deleted and the deletion goes to headquarters with the next sync.</translation>
    </message>
    <message>
        <source>ชื่อองค์กร</source>
        <translation>Organization name</translation>
    </message>
    <message>
        <source>ประเภทองค์กร</source>
        <translation>Organization type</translation>
    </message>
    <message>
        <source>ภาคส่วน</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>วันที่ก่อตั้ง</source>
        <translation>Founded on</translation>
    </message>
    <message>
        <source>วันที่จดแจ้งจัดตั้ง</source>
        <translation>Registered on</translation>
    </message>
    <message>
        <source>จำนวนสมาชิก</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>ยอดเงินกองทุน (บาท)</source>
        <translation>Fund balance (baht)</translation>
    </message>
    <message>
        <source>เงินออม (บาท)</source>
        <translation>Savings (baht)</translation>
    </message>
    <message>
        <source>ลงทะเบียนองค์กรใหม่</source>
        <translation>Register a new organization</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>ลบองค์กรนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation>Delete this organization? It is marked as deleted and the deletion goes to headquarters with the next sync.</translation>
    </message>
    <message>
        <source>คำนำหน้า</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>เพศ</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>เพิ่มบุคคลใหม่</source>
        <translation>Add a new person</translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>ลบบุคคลนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation>Delete this person? They are marked as deleted and the deletion goes to headquarters with the next sync.</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>ตั้งแต่</source>
        <translation>From</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>To</translation>
    </message>
    <message>
        <source>พิมพ์ชื่อองค์กรอย่างน้อย 1 ตัวอักษร</source>
        <translation>Type part of an organization&apos;s name</translation>
    </message>
    <message>
        <source>เพิ่มสมาชิกภาพ</source>
        <translation>Add membership</translation>
    </message>
    <message>
        <source>สิ้นสุดสมาชิกภาพที่เลือก (ใช้วันที่ &apos;ถึง&apos;)</source>
        <translation>End the selected membership (on the &apos;To&apos; date)</translation>
    </message>
    <message>
        <source>ลบที่เลือก</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>บันทึกบุคคลนี้ก่อน แล้วจึงเพิ่มสมาชิกภาพในองค์กรได้</source>
        <translation>Save this person first, then add memberships</translation>
    </message>
    <message>
        <source>เลือกองค์กรจากรายการ</source>
        <translation>Choose the organization from the list</translation>
    </message>
    <message>
        <source>กรุณาเลือกองค์กร</source>
        <translation>Choose an organization</translation>
    </message>
    <message>
        <source>เพิ่มสมาชิกภาพแล้ว</source>
        <translation>Membership added</translation>
    </message>
    <message>
        <source>เลือกสมาชิกภาพในรายการก่อน</source>
        <translation>Select a membership in the list first</translation>
    </message>
    <message>
        <source>สิ้นสุดสมาชิกภาพแล้ว</source>
        <translation>Membership ended</translation>
    </message>
    <message>
        <source>ลบสมาชิกภาพแล้ว</source>
        <translation>Membership removed</translation>
    </message>
    <message>
        <source>สมาชิกภาพในองค์กร</source>
        <translation>Memberships</translation>
    </message>
    <message>
        <source>สมาชิกและกรรมการ</source>
        <translation>Members and committee</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>นำเข้าจากไฟล์ Excel หรือ CSV</source>
        <translation>Import from an Excel or CSV file</translation>
    </message>
    <message>
        <source>ยังไม่ได้เลือกไฟล์</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>จับคู่คอลัมน์ (แก้ได้ถ้าไม่ถูกต้อง)</source>
        <translation>Column matching (fix it if wrong)</translation>
    </message>
    <message>
        <source>แถวที่</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>นำเข้า</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>นำเข้า%1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>เลือกไฟล์ที่จะนำเข้า</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Excel หรือ CSV (*.xlsx *.csv);;ทุกไฟล์ (*)</source>
        <translation>Excel or CSV (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>หัวตารางอยู่แถวที่ %1</source>
        <translation>Header in row %1</translation>
    </message>
    <message>
        <source>ใหม่ %1 · มีอยู่แล้ว %2 · ซ้ำในไฟล์ %3 · ผิดพลาด %4</source>
        <translation>New %1 · already there %2 · duplicate in file %3 · errors %4</translation>
    </message>
    <message>
        <source>ยังไม่ได้จับคู่คอลัมน์ที่จำเป็น: %1</source>
        <translation>Required columns are not matched yet: %1</translation>
    </message>
    <message>
        <source>มีแถวที่ผิดพลาด แก้ในไฟล์แล้วเลือกไฟล์ใหม่ หรือแก้การจับคู่คอลัมน์ (ยังไม่ได้บันทึกข้อมูลใด ๆ)</source>
        <translation>Some rows have errors: fix them in the file and choose it again, or fix the column matching (nothing has been saved)</translation>
    </message>
    <message>
        <source>ไม่มีข้อมูลในไฟล์</source>
        <translation>The file has no data</translation>
    </message>
    <message>
        <source>(ไม่ใช้)</source>
        <translation>(not used)</translation>
    </message>
    <message>
        <source>คอลัมน์ %1</source>
        <translation>Column %1</translation>
    </message>
    <message>
        <source>นำเข้าแล้ว %1 รายการใหม่</source>
        <translation>Imported %1 new records</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>ต.ค.</source>
        <translation>Oct</translation>
    </message>
    <message>
        <source>พ.ย.</source>
        <translation>Nov</translation>
    </message>
    <message>
        <source>ธ.ค.</source>
        <translation>Dec</translation>
    </message>
    <message>
        <source>ม.ค.</source>
        <translation>Jan</translation>
    </message>
    <message>
        <source>ก.พ.</source>
        <translation>Feb</translation>
    </message>
    <message>
        <source>มี.ค.</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>เม.ย.</source>
        <translation>Apr</translation>
    </message>
    <message>
        <source>พ.ค.</source>
        <translation>May</translation>
    </message>
    <message>
        <source>มิ.ย.</source>
        <translation>Jun</translation>
    </message>
    <message>
        <source>ก.ค.</source>
        <translation>Jul</translation>
    </message>
    <message>
        <source>ส.ค.</source>
        <translation>Aug</translation>
    </message>
    <message>
        <source>ก.ย.</source>
        <translation>Sep</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>ค้นหา (พิมพ์ชื่อบางส่วนได้)</source>
        <translation>Search (part of a name is enough)</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>บันทึกรายการที่กรองไว้เป็นไฟล์ Excel หรือ CSV</source>
        <translation>Save the filtered list as an Excel or CSV file</translation>
    </message>
    <message>
        <source>นำเข้า…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>นำเข้ารายการจากไฟล์ Excel หรือ CSV</source>
        <translation>Import records from an Excel or CSV file</translation>
    </message>
    <message>
        <source>ทุกอำเภอ</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>ทุกตำบล</source>
        <translation>All subdistricts</translation>
    </message>
    <message>
        <source>ทุกประเภท</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>ทุกสถานะ</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>ทุกปีงบประมาณ</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>ปีงบประมาณ %1</source>
        <translation>Fiscal year %1</translation>
    </message>
    <message>
        <source>ทุกแผนงาน</source>
        <translation>All programs</translation>
    </message>
    <message>
        <source>%1 รายการ</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>ส่งออกรายการ</source>
        <extracomment>a column is never narrower than this, nor wider than that, when sized to content</extracomment>
        <translation>Export the list</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>กำลังส่งออก…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>ส่งออก %1 รายการไปที่ %2 แล้ว</source>
        <translation>Exported %1 records to %2</translation>
    </message>
    <message>
        <source>ยกเลิกการส่งออกแล้ว ไม่มีไฟล์ถูกบันทึก</source>
        <translation>Export cancelled; no file was saved</translation>
    </message>
    <message>
        <source>บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดที่จะเพิ่มรายการจากช่องเลือกจังหวัดก่อน</source>
        <translation>This account holds several provinces: choose the province to add the record to in the province selector first</translation>
    </message>
    <message>
        <source>บันทึกแล้ว รายการนี้ไม่ตรงกับตัวกรองที่ใช้อยู่ จึงไม่แสดงในรายการ</source>
        <translation>Saved. This record no longer matches the filter, so the list does not show it</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ภาพรวม</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation>People</translation>
    </message>
    <message>
        <source>โครงการและงบประมาณ</source>
        <translation>Projects &amp; budgets</translation>
    </message>
    <message>
        <source>การประชุมและสมัชชา</source>
        <translation>Meetings &amp; assemblies</translation>
    </message>
    <message>
        <source>การประเมินจังหวัด</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>ซิงค์ข้อมูล</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>ภาคและกลุ่มจังหวัด</source>
        <translation>Regions and clusters</translation>
    </message>
    <message>
        <source>%1 จังหวัดในขอบเขต</source>
        <translation>%1 provinces in scope</translation>
    </message>
    <message>
        <source>(สาธิต)</source>
        <translation>(demo)</translation>
    </message>
    <message>
        <source>ไม่พบไฟล์แปลภาษา จึงยังแสดงเป็นภาษาไทย</source>
        <translation>The translation file is missing, so the interface stays in Thai</translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัด</source>
        <translation>Development plan</translation>
    </message>
    <message>
        <source>เปรียบเทียบจังหวัด</source>
        <translation>Compare provinces</translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <source>ไม่พบการประชุมนี้ (อาจถูกลบไปแล้ว)</source>
        <translation>Meeting not found (it may have been deleted)</translation>
    </message>
    <message>
        <source>ครั้งที่ %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>เมื่อ</source>
        <translation>When</translation>
    </message>
    <message>
        <source>ณ</source>
        <translation>At</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>ผู้มาประชุม</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>ผู้ไม่มาประชุม</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>งานที่ต้องติดตาม</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <source>ระเบียบวาระการประชุม</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>มติ</source>
        <translation>Resolution</translation>
    </message>
</context>
<context>
    <name>MeetingWorkspace</name>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>ระเบียบวาระและรายงาน</source>
        <translation>Agenda and minutes</translation>
    </message>
    <message>
        <source>ลงทะเบียน</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>เรื่องที่ต้องติดตาม</source>
        <translation>Action items</translation>
    </message>
    <message>
        <source>รับรอง ล็อก และพิมพ์</source>
        <translation>Certify, lock and print</translation>
    </message>
    <message>
        <source>สมัชชา</source>
        <translation>Assembly</translation>
    </message>
    <message>
        <source>การประชุมนี้กำหนดวันที่ %1 ยังไม่ถึงวันประชุม ต้องการบันทึกการลงทะเบียนหรือรายงานการประชุมล่วงหน้าหรือไม่</source>
        <translation>This meeting is on %1, which has not come yet. Record sign-in or minutes ahead of the day?</translation>
    </message>
    <message>
        <source>บันทึกล่วงหน้า</source>
        <translation>Record ahead</translation>
    </message>
    <message>
        <source>ยังไม่บันทึก</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>วางแผนการประชุมใหม่</source>
        <translation>Plan a new meeting</translation>
    </message>
    <message>
        <source>ครั้งที่ %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation>Making the document…</translation>
    </message>
    <message>
        <source>พิมพ์เอกสาร</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>บันทึกเอกสารแล้ว: %1</source>
        <translation>Document saved: %1</translation>
    </message>
    <message>
        <source>ส่งออกปฏิทินแล้ว: %1</source>
        <translation>Calendar exported: %1</translation>
    </message>
    <message>
        <source>กำลังนำเข้ารายชื่อ…</source>
        <translation>Importing participants…</translation>
    </message>
    <message>
        <source>นำเข้าแล้ว %1 คน (ซ้ำ %2 คน ข้ามไป)</source>
        <translation>Imported %1 people (%2 repeats skipped)</translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อ</source>
        <translation>Import participants</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <source>รายงานการประชุมล็อกแล้ว แก้ไขไม่ได้ — แก้รายงานได้โดยบันทึกเป็นฉบับแก้ไขใหม่พร้อมเหตุผล (แท็บระเบียบวาระและรายงาน)</source>
        <translation>The minutes are locked and cannot be edited — correct them by saving a new version with a reason (Agenda and minutes tab)</translation>
    </message>
    <message>
        <source>รายงานการประชุมรับรองแล้ว แก้ไขไม่ได้ — ขั้นต่อไปคือล็อกรายงาน (แท็บรับรอง ล็อก และพิมพ์)</source>
        <translation>The minutes are certified and cannot be edited — the next step is to lock them (Certify, lock and print tab)</translation>
    </message>
    <message>
        <source>การประชุมนี้ยกเลิกแล้ว แก้ไขไม่ได้ (ยังอยู่ในรายการพร้อมครั้งที่เดิม)</source>
        <translation>This meeting is cancelled and cannot be edited (it stays in the list with its number)</translation>
    </message>
    <message>
        <source>การประชุมนี้แก้ไขไม่ได้ในสถานะนี้</source>
        <translation>This meeting cannot be edited in its current state</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>วางแผนการประชุมใหม่</source>
        <translation>Plan a new meeting</translation>
    </message>
    <message>
        <source>เปิดการประชุมที่เลือก</source>
        <translation>Open the selected meeting</translation>
    </message>
    <message>
        <source>แม่แบบระเบียบวาระ…</source>
        <translation>Agenda template…</translation>
    </message>
    <message>
        <source>รายการประชุม</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>การประชุม</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>เรื่องที่ต้องติดตาม</source>
        <translation>Action items</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>ปิดข้อความ</source>
        <translation>Close message</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <source>บันทึกเวลาเริ่ม / เลิกประชุม</source>
        <translation>Save start / end times</translation>
    </message>
    <message>
        <source>ส่งหนังสือเชิญแล้ว</source>
        <translation>Invitations sent</translation>
    </message>
    <message>
        <source>รับรองในการประชุมครั้งถัดไป</source>
        <translation>Certified at the next meeting</translation>
    </message>
    <message>
        <source>รับรองโดยการเวียน วันที่</source>
        <translation>Certified by circulation on</translation>
    </message>
    <message>
        <source>รับรองรายงานการประชุม</source>
        <translation>Certify the minutes</translation>
    </message>
    <message>
        <source>ล็อกรายงานการประชุม</source>
        <translation>Lock the minutes</translation>
    </message>
    <message>
        <source>ล็อกรายงานการประชุมแล้ว</source>
        <translation>Minutes locked</translation>
    </message>
    <message>
        <source>พิมพ์รายงานการประชุม (PDF)…</source>
        <translation>Print minutes (PDF)…</translation>
    </message>
    <message>
        <source>พิมพ์ใบลงทะเบียน (PDF)…</source>
        <translation>Print sign-in sheet (PDF)…</translation>
    </message>
    <message>
        <source>พิมพ์ระเบียบวาระ (PDF)…</source>
        <translation>Print agenda (PDF)…</translation>
    </message>
    <message>
        <source>พิมพ์หนังสือเชิญประชุม (PDF)…</source>
        <translation>Print invitation letter (PDF)…</translation>
    </message>
    <message>
        <source>ส่งออกลงปฏิทิน (.ics)…</source>
        <translation>Export to calendar (.ics)…</translation>
    </message>
    <message>
        <source>เริ่มประชุมเวลา</source>
        <translation>Started at</translation>
    </message>
    <message>
        <source>เลิกประชุมเวลา</source>
        <translation>Ended at</translation>
    </message>
    <message>
        <source>ฉบับที่ล็อกแล้ว</source>
        <translation>Locked versions</translation>
    </message>
    <message>
        <source>สถานะ: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>รับรองในการประชุมครั้งที่ %1</source>
        <translation>certified at meeting %1</translation>
    </message>
    <message>
        <source>รับรองเมื่อ %1</source>
        <translation>certified on %1</translation>
    </message>
    <message>
        <source>ฉบับที่ %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <source>ฉบับที่ %1 ล็อกเมื่อ %2</source>
        <translation>Version %1 locked %2</translation>
    </message>
    <message>
        <source>บันทึกเวลาประชุมแล้ว</source>
        <translation>Meeting times saved</translation>
    </message>
    <message>
        <source>ยังไม่มีการประชุมครั้งถัดไปขององค์กรนี้</source>
        <translation>This body has no later meeting yet</translation>
    </message>
    <message>
        <source>รับรองรายงานการประชุมแล้ว</source>
        <translation>Minutes certified</translation>
    </message>
    <message>
        <source>กรุณากรอกวันที่เวียนรับรอง (วว/ดด/ปปปป)</source>
        <translation>Enter the circulation date (dd/mm/yyyy BE)</translation>
    </message>
    <message>
        <source>รายงานการประชุม</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>ใบลงทะเบียน</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>ระเบียบวาระ</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม</source>
        <translation>Invitation letter</translation>
    </message>
    <message>
        <source>ส่งออกลงปฏิทิน</source>
        <translation>Export to calendar</translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>เมื่อ</source>
        <translation>When</translation>
    </message>
    <message>
        <source>ผู้บันทึก</source>
        <translation>By</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ซิงค์ข้อมูล</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>นี่คือฐานข้อมูลสาธิต การเปลี่ยนแปลงเก็บไว้ในเครื่องนี้เท่านั้น ไม่ส่งไปสำนักงานใหญ่</source>
        <translation>This is a demo database: changes stay on this computer and are never sent to headquarters.</translation>
    </message>
    <message>
        <source>รอส่ง %1 รายการ การซิงค์กับสำนักงานใหญ่จะทำงานเมื่อติดตั้งโมดูลซิงค์และลงทะเบียนเครื่องแล้ว</source>
        <translation>%1 changes waiting. Sync with headquarters starts once the sync module is installed and this computer is enrolled.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>ชุมชน</source>
        <translation>Communities</translation>
    </message>
    <message>
        <source>ชื่อชุมชน</source>
        <translation>Community name</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>อำเภอ</source>
        <translation>District</translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation>Village no.</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>ประชากร</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>ผู้นำชุมชน</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>+ ชุมชนใหม่</source>
        <translation>+ New community</translation>
    </message>
    <message>
        <source>ค้นหาชุมชน ผู้นำ หรือตำบล</source>
        <translation>Search communities, leaders or subdistricts</translation>
    </message>
    <message>
        <source>องค์กรชุมชนและภาคี</source>
        <translation>Community organizations and partners</translation>
    </message>
    <message>
        <source>ชื่อองค์กร</source>
        <translation>Organization name</translation>
    </message>
    <message>
        <source>สมาชิก</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>จดแจ้งเมื่อ</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>เงินกองทุน</source>
        <translation>Fund balance</translation>
    </message>
    <message>
        <source>+ องค์กรใหม่</source>
        <translation>+ New organization</translation>
    </message>
    <message>
        <source>ค้นหาองค์กรหรือตำบล</source>
        <translation>Search organizations or subdistricts</translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation>People</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>+ บุคคลใหม่</source>
        <translation>+ New person</translation>
    </message>
    <message>
        <source>ค้นหาชื่อ ตำแหน่ง หรือโทรศัพท์</source>
        <translation>Search names, positions or phones</translation>
    </message>
    <message>
        <source>การประชุมและสมัชชา</source>
        <translation>Meetings &amp; assemblies</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ครั้งที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สถานที่</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>ค้นหาเรื่อง สถานที่ หรือผู้จัด</source>
        <translation>Search titles, places or organisers</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>ได้รับเชิญ</source>
        <translation>invited</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>ข้อเสนอ / หน่วยงานที่ยื่น</source>
        <translation>Proposal / agency submitted to</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัด</source>
        <translation>Development plan</translation>
    </message>
    <message>
        <source>ข้อเสนอเชิงนโยบาย</source>
        <translation>Policy proposal</translation>
    </message>
    <message>
        <source>เพิ่มข้อเสนอ</source>
        <translation>Add proposal</translation>
    </message>
    <message>
        <source>ข้อเสนอใหม่</source>
        <translation>New proposal</translation>
    </message>
    <message>
        <source>ชื่อข้อเสนอ</source>
        <translation>Proposal title</translation>
    </message>
    <message>
        <source>บันทึกการยื่นข้อเสนอ</source>
        <translation>Record the submission</translation>
    </message>
    <message>
        <source>ยื่นข้อเสนอที่เลือกต่อหน่วยงาน</source>
        <translation>Submit the selected proposal to an agency</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>วันที่ยื่น</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <source>บันทึกผลการพิจารณา</source>
        <translation>Record the decision</translation>
    </message>
    <message>
        <source>ผลการพิจารณาของหน่วยงาน (เลือกแถวการยื่น)</source>
        <translation>The agency&apos;s decision (select a submission row)</translation>
    </message>
    <message>
        <source>วันที่พิจารณา</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัดและข้อเสนอ</source>
        <translation>Provincial development plan and proposals</translation>
    </message>
    <message>
        <source>เพิ่มข้อเสนอแล้ว</source>
        <translation>Proposal added</translation>
    </message>
    <message>
        <source>เลือกข้อเสนอก่อน</source>
        <translation>Select a proposal first</translation>
    </message>
    <message>
        <source>บันทึกการยื่นข้อเสนอแล้ว</source>
        <translation>Submission recorded</translation>
    </message>
    <message>
        <source>เลือกแถวการยื่นต่อหน่วยงานก่อน</source>
        <translation>Select a submission row first</translation>
    </message>
    <message>
        <source>บันทึกผลการพิจารณาแล้ว</source>
        <translation>Decision recorded</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>พิมพ์ชื่อคณะกรรมการ / องค์กรที่ประชุม</source>
        <translation>Type the name of the committee / body meeting</translation>
    </message>
    <message>
        <source>ไม่ระบุองค์กร</source>
        <translation>No body</translation>
    </message>
    <message>
        <source>เว้นว่างได้: ใช้ชื่อองค์กรที่ประชุม</source>
        <translation>May be empty: the body’s name is used</translation>
    </message>
    <message>
        <source>อัตโนมัติ</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>พิมพ์ชื่อประธาน</source>
        <translation>Type the chair’s name</translation>
    </message>
    <message>
        <source>พิมพ์ชื่อผู้จดรายงานการประชุม</source>
        <translation>Type the minute-taker’s name</translation>
    </message>
    <message>
        <source>สร้างการประชุมครั้งถัดไปจากการประชุมนี้</source>
        <translation>Create the next meeting from this one</translation>
    </message>
    <message>
        <source>เหตุผลที่ยกเลิก เช่น เลื่อนเพราะน้ำท่วม</source>
        <translation>Reason for cancelling, e.g. postponed because of flooding</translation>
    </message>
    <message>
        <source>ยกเลิกการประชุมนี้</source>
        <translation>Cancel this meeting</translation>
    </message>
    <message>
        <source>เวลา</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>to</translation>
    </message>
    <message>
        <source>ประเภทการประชุม</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <source>องค์กรที่ประชุม</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>ชื่อการประชุม</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>ครั้งที่</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>สถานที่ (ณ)</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>ผู้จัด</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>ประธาน</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>ผู้จดรายงานการประชุม</source>
        <translation>Minute-taker</translation>
    </message>
    <message>
        <source>เชิญบุคคล: พิมพ์ชื่อ</source>
        <translation>Invite a person: type a name</translation>
    </message>
    <message>
        <source>เชิญองค์กร: พิมพ์ชื่อ</source>
        <translation>Invite an organization: type a name</translation>
    </message>
    <message>
        <source>ลบผู้ได้รับเชิญที่เลือก</source>
        <translation>Remove the selected invitee</translation>
    </message>
    <message>
        <source>ผู้ได้รับเชิญ</source>
        <translation>Invitees</translation>
    </message>
    <message>
        <source>วางแผนการประชุม (ใช้แม่แบบระเบียบวาระ)</source>
        <translation>Plan the meeting (from the agenda template)</translation>
    </message>
    <message>
        <source>บันทึกรายละเอียดการประชุม</source>
        <translation>Save meeting details</translation>
    </message>
    <message>
        <source>ยกเลิกการประชุมแล้ว: %1</source>
        <translation>Meeting cancelled: %1</translation>
    </message>
    <message>
        <source>กรรมการ / สมาชิก</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>วางแผนการประชุมแล้ว ระเบียบวาระสร้างจากแม่แบบ</source>
        <translation>Meeting planned; the agenda comes from the template</translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>ครั้งที่ %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>ใส่วันที่แล้วจะแสดงครั้งที่ที่จะได้</source>
        <translation>Enter the date to see the meeting&apos;s number</translation>
    </message>
    <message>
        <source>การประชุมนี้จะเป็นครั้งที่ %1</source>
        <translation>This meeting will be no. %1</translation>
    </message>
    <message>
        <source>ยกเลิกการประชุมแล้ว การประชุมยังอยู่ในรายการและคงครั้งที่เดิม</source>
        <translation>Meeting cancelled; it stays in the list and keeps its number</translation>
    </message>
    <message>
        <source>สร้างการประชุมครั้งถัดไปแล้ว</source>
        <translation>Next meeting created</translation>
    </message>
</context>
<context>
    <name>ProjectPanel</name>
    <message>
        <source>รหัสโครงการ</source>
        <translation>Project code</translation>
    </message>
    <message>
        <source>ชื่อโครงการ</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>แผนงาน</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>ปีงบประมาณ (พ.ศ.)</source>
        <translation>Fiscal year (BE)</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ประเภทเงิน</source>
        <translation>Funding</translation>
    </message>
    <message>
        <source>จำนวนครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>วันที่เริ่ม</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>วันที่สิ้นสุด</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>รายละเอียดโครงการ</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>ลงทะเบียนโครงการใหม่</source>
        <translation>Register a new project</translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>ลบโครงการนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation>Delete this project? It will be marked as deleted and sent to headquarters at the next sync.</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>จำนวนเงิน</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>งวดที่</source>
        <translation>Tranche</translation>
    </message>
    <message>
        <source>เลขที่เอกสาร</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>กลับรายการที่เลือก…</source>
        <translation>Reverse the selected entry…</translation>
    </message>
    <message>
        <source>บันทึกรายการ</source>
        <translation>Record entry</translation>
    </message>
    <message>
        <source>จำนวนเงิน (บาท)</source>
        <translation>Amount (baht)</translation>
    </message>
    <message>
        <source>วันที่ (ว่าง = วันนี้)</source>
        <translation>Date (empty = today)</translation>
    </message>
    <message>
        <source>บันทึกโครงการก่อน แล้วจึงบันทึกงบประมาณ</source>
        <translation>Save the project first, then record its budget</translation>
    </message>
    <message>
        <source>อนุมัติ %1 · เบิกจ่ายแล้ว %2 · คงเหลือ %3 · รายงานการใช้จ่าย %4</source>
        <translation>Approved %1 · disbursed %2 · remaining %3 · expenditure reported %4</translation>
    </message>
    <message>
        <source>กลับรายการ</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>ถูกกลับรายการแล้ว</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50</source>
        <translation>Invalid amount: type a number such as 1,234.50</translation>
    </message>
    <message>
        <source>งวดที่ต้องเป็นตัวเลข</source>
        <translation>The tranche must be a number</translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:</source>
        <translation>Not saved yet; fix the fields framed in red:</translation>
    </message>
    <message>
        <source>บันทึก%1แล้ว</source>
        <translation>Recorded: %1</translation>
    </message>
    <message>
        <source>กลับรายการ %1 %2 วันที่ %3? ระบบจะบันทึกรายการกลับบัญชีจำนวนเดียวกัน (รายการเดิมไม่ถูกลบ)</source>
        <translation>Reverse the %1 of %2 dated %3? A reversal of the same amount will be recorded (the entry itself is kept).</translation>
    </message>
    <message>
        <source>กลับรายการแล้ว</source>
        <translation>Entry reversed</translation>
    </message>
    <message>
        <source>งบประมาณ</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>ตัวชี้วัด</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>หน่วย</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>เป้าหมาย</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>ผลจริง</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>บันทึกการจัดสรร</source>
        <translation>Record allocation</translation>
    </message>
    <message>
        <source>จัดสรรงบประมาณ:</source>
        <translation>Allocate budget:</translation>
    </message>
    <message>
        <source>บันทึกการจัดสรร %1 แล้ว</source>
        <translation>Allocation of %1 recorded</translation>
    </message>
    <message>
        <source>พื้นที่และองค์กรเป้าหมาย</source>
        <translation>Areas and organizations</translation>
    </message>
    <message>
        <source>กรุณากรอกตัวเลข</source>
        <translation>Please enter a number</translation>
    </message>
</context>
<context>
    <name>ProjectTargets</name>
    <message>
        <source>องค์กร</source>
        <translation>Organizations</translation>
    </message>
    <message>
        <source>ชุมชนเป้าหมาย</source>
        <translation>Target communities</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Tambons</translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>ลบรายการที่เลือก</source>
        <translation>Remove selected</translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>โครงการและงบประมาณ</source>
        <translation>Projects &amp; budgets</translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>ชื่อโครงการ</source>
        <translation>Project name</translation>
    </message>
    <message>
        <source>แผนงาน</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>ปีงบประมาณ</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation>Subdistrict</translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>+ โครงการใหม่</source>
        <translation>+ New project</translation>
    </message>
    <message>
        <source>ค้นหารหัส ชื่อโครงการ หรือตำบล</source>
        <translation>Search codes, project names or subdistricts</translation>
    </message>
    <message>
        <source>จัดสรร</source>
        <translation>Allocated</translation>
    </message>
    <message>
        <source>อนุมัติ</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>เบิกจ่าย</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <source>คงเหลือ</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>พิมพ์รายงานงบประมาณ (PDF)…</source>
        <translation>Print budget report (PDF)…</translation>
    </message>
    <message>
        <source>ส่งออกงบประมาณ (Excel)…</source>
        <translation>Export budget (Excel)…</translation>
    </message>
    <message>
        <source>บันทึกงบประมาณตามแผนงานของปีงบประมาณที่แสดงเป็นไฟล์ Excel (ตัวเลขรวมได้)</source>
        <translation>Save the budget by program of the fiscal year shown as an Excel file (numbers that add up)</translation>
    </message>
    <message>
        <source>การจัดสรรงบประมาณให้จังหวัดบันทึกโดยสำนักงานใหญ่ พอช. เท่านั้น เมื่อซิงค์ข้อมูล ยอดจัดสรรจะปรากฏที่นี่</source>
        <translation>Only CODI headquarters records the province&apos;s budget allocation; it appears here after a sync.</translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน</source>
        <translation>Budget by program</translation>
    </message>
    <message>
        <source>ยังไม่มีงบประมาณ</source>
        <translation>No budget yet</translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน ปีงบประมาณ %1</source>
        <translation>Budget by program, fiscal year %1</translation>
    </message>
    <message>
        <source>บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดจากช่องเลือกจังหวัดก่อนพิมพ์รายงานงบประมาณ</source>
        <translation>This account holds several provinces: choose a province in the province selector before printing the budget report</translation>
    </message>
    <message>
        <source>รายงานงบประมาณ ปีงบประมาณ %1</source>
        <translation>Budget report, fiscal year %1</translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation>Making the document…</translation>
    </message>
    <message>
        <source>บันทึกเอกสารแล้ว: %1</source>
        <translation>Document saved: %1</translation>
    </message>
    <message>
        <source>พิมพ์เอกสาร</source>
        <translation>Print document</translation>
    </message>
    <message>
        <source>ส่งออกงบประมาณ</source>
        <translation>Export budget</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>กำลังส่งออก…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>บันทึกไฟล์แล้ว: %1</source>
        <translation>File saved: %1</translation>
    </message>
</context>
<context>
    <name>ProvincePicker</name>
    <message>
        <source>ทุกจังหวัดในขอบเขต (%1)</source>
        <translation>All provinces in scope (%1)</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>รหัส</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>ชื่อภาค</source>
        <translation>Region name</translation>
    </message>
    <message>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>บันทึกชื่อภาค</source>
        <translation>Save the region&apos;s name</translation>
    </message>
    <message>
        <source>ภาคของ พอช.</source>
        <translation>CODI&apos;s regions</translation>
    </message>
    <message>
        <source>ภาค</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>กลุ่มจังหวัด</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation>Provinces</translation>
    </message>
    <message>
        <source>+ กลุ่มจังหวัดใหม่</source>
        <translation>+ New cluster</translation>
    </message>
    <message>
        <source>บันทึกกลุ่มจังหวัด</source>
        <translation>Save the cluster</translation>
    </message>
    <message>
        <source>ย้ายจังหวัดเข้ากลุ่มนี้</source>
        <translation>Move the province into this cluster</translation>
    </message>
    <message>
        <source>ชื่อกลุ่มจังหวัด</source>
        <translation>Cluster name</translation>
    </message>
    <message>
        <source>อยู่ในภาค</source>
        <translation>In region</translation>
    </message>
    <message>
        <source>ย้ายจังหวัด</source>
        <translation>Move a province</translation>
    </message>
    <message>
        <source>กลุ่มจังหวัดทั้งหมด</source>
        <translation>All clusters</translation>
    </message>
    <message>
        <source>ข้อมูลอ้างอิงระดับประเทศ แก้ไขได้เฉพาะ พอช. ส่วนกลาง ทุกเครื่องจะได้รับเมื่อซิงค์ข้อมูล</source>
        <translation>National reference data: only CODI headquarters edits it; every laptop receives it when it syncs</translation>
    </message>
    <message>
        <source>ภาคและกลุ่มจังหวัด</source>
        <translation>Regions and clusters</translation>
    </message>
    <message>
        <source>ความหมายระดับของเกณฑ์</source>
        <translation>Criterion levels</translation>
    </message>
    <message>
        <source>ข้อมูลอ้างอิง: ภาค กลุ่มจังหวัด และเกณฑ์</source>
        <translation>Reference data: regions, clusters and criteria</translation>
    </message>
    <message>
        <source>บันทึกชื่อภาคแล้ว</source>
        <translation>The region&apos;s name is saved</translation>
    </message>
    <message>
        <source>บันทึกกลุ่มจังหวัดแล้ว</source>
        <translation>The cluster is saved</translation>
    </message>
    <message>
        <source>เลือกกลุ่มจังหวัดและจังหวัดก่อน</source>
        <translation>Choose a cluster and a province first</translation>
    </message>
    <message>
        <source>ย้าย%1เข้ากลุ่มจังหวัดแล้ว</source>
        <translation>%1 moved into the cluster</translation>
    </message>
</context>
<context>
    <name>SelfManagingBox</name>
    <message>
        <source>จังหวัดจัดการตนเอง: ระดับการประเมินเทียบปีก่อน และผลของข้อเสนอ</source>
        <translation>Self-managing province: levels beside last year, and what became of the proposals</translation>
    </message>
    <message>
        <source>ปี %1</source>
        <translation>FY %1</translation>
    </message>
    <message>
        <source>ยังไม่มีข้อเสนอในปีงบประมาณนี้</source>
        <translation>No proposals in this fiscal year yet</translation>
    </message>
    <message>
        <source>ข้อเสนอ</source>
        <translation>Proposals</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>ภาษาที่ใช้แสดง</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>เปลี่ยนทันที และจำไว้สำหรับครั้งต่อไป</source>
        <translation>Applies at once and is remembered next time</translation>
    </message>
    <message>
        <source>%1 จังหวัดในขอบเขต: %2</source>
        <translation>%1 provinces in scope: %2</translation>
    </message>
    <message>
        <source>%1 จังหวัดในขอบเขต</source>
        <translation>%1 provinces in scope</translation>
    </message>
    <message>
        <source>ฐานข้อมูลในเครื่องนี้</source>
        <translation>The database on this computer</translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ฐานข้อมูลสาธิต (ไม่ซิงค์)</source>
        <translation>Demo database (never syncs)</translation>
    </message>
    <message>
        <source>ฐานข้อมูลจริง</source>
        <translation>Real database</translation>
    </message>
    <message>
        <source>โฟลเดอร์ข้อมูล</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>สำรองล่าสุด</source>
        <translation>Latest backup</translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>ปรับรุ่นฐานข้อมูลไม่สำเร็จ ไฟล์เดิมถูกกู้คืนจากสำเนาสำรองแล้วและยังใช้งานได้ กรุณาใช้โปรแกรมรุ่นก่อนหน้า หรือแจ้งผู้ดูแลระบบพร้อมข้อความด้านล่าง</source>
        <translation>Upgrading the database failed. The previous file was restored from its backup and is still usable. Use the previous version of the app, or send the text below to your administrator.</translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูลไม่ได้ ตรวจสอบว่าโฟลเดอร์ข้อมูลเขียนได้และไฟล์ไม่เสีย</source>
        <translation>The database could not be opened. Check that the data folder is writable and the file is not damaged.</translation>
    </message>
</context>
<context>
    <name>StartupProblem</name>
    <message>
        <source>ปิดโปรแกรม</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์</source>
        <translation>This device’s sync access was revoked</translation>
    </message>
    <message>
        <source>ความขัดแย้ง %1 รายการ</source>
        <translation>%1 conflicts</translation>
    </message>
    <message>
        <source>ถูกปฏิเสธ %1 รายการ</source>
        <translation>%1 rejected</translation>
    </message>
    <message>
        <source>ต้องใส่รหัสผ่านเพื่อซิงค์</source>
        <translation>A password is needed to sync</translation>
    </message>
    <message>
        <source>กำลังซิงค์ข้อมูล…</source>
        <translation>Syncing…</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>รหัสผ่าน (เครื่องนี้ไม่มีที่เก็บรหัสผ่านที่ปลอดภัย)</source>
        <translation>Password (this computer has no secure keyring)</translation>
    </message>
    <message>
        <source>ซิงค์ตอนนี้</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>หยุด</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>ลำดับ</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>เมื่อ</source>
        <translation>When</translation>
    </message>
    <message>
        <source>ผู้บันทึก</source>
        <translation>By</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>ส่ง</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>ผ่าน</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>ถูกปฏิเสธ</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>ขัดแย้ง</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>รับ (แถว)</source>
        <translation>Received (rows)</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>ผลการซิงค์ล่าสุด</source>
        <translation>Latest sync results</translation>
    </message>
    <message>
        <source>ซิงค์ข้อมูล</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>ใช้ค่าของฉัน</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>ใช้ค่าของอีกฝ่าย</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>ใช้ค่าที่แก้ไข</source>
        <translation>Use the edited value</translation>
    </message>
    <message>
        <source>ค่าที่จะเก็บ (แก้ได้)</source>
        <translation>Value to keep (editable)</translation>
    </message>
    <message>
        <source>ตาราง</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>ทำอะไร</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>ค่า (แก้ได้)</source>
        <translation>Value (editable)</translation>
    </message>
    <message>
        <source>แก้แล้วส่งใหม่</source>
        <translation>Fix and resend</translation>
    </message>
    <message>
        <source>ยกเลิกรายการนี้</source>
        <translation>Discard this change set</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้เป็นฐานข้อมูลสาธิต (แซนด์บ็อกซ์สำหรับทดลองใช้) จึงไม่ซิงค์ ข้อมูลสาธิตจะไม่ถูกส่งไปที่ใดเลย หากต้องการทำงานจริงและซิงค์กับสำนักงานใหญ่ กดปุ่ม &quot;%1&quot; ฐานข้อมูลจริงอยู่ในโฟลเดอร์แยกต่างหาก: %2</source>
        <translation>This is a demo database (a sandbox to try the program), so it never syncs and its data is never sent anywhere. To work for real and sync with headquarters, press &quot;%1&quot;. The real database lives in a folder of its own: %2</translation>
    </message>
    <message>
        <source>ยังซิงค์ไม่ได้: เครื่องนี้ยังไม่ได้ลงทะเบียน หรือเป็นฐานข้อมูลสาธิต</source>
        <translation>Cannot sync yet: this computer is not enrolled, or this is a demo database</translation>
    </message>
    <message>
        <source>กรุณาใส่รหัสผ่านแล้วกดซิงค์ตอนนี้ (เครื่องนี้ไม่เก็บรหัสไว้)</source>
        <translation>Enter your password, then press Sync now (this computer does not keep it)</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ซิงค์ไม่ได้ (ฐานข้อมูลสาธิต ยังไม่ลงทะเบียน หรือถูกเพิกถอน)</source>
        <translation>This database cannot sync (a demo, not enrolled, or revoked)</translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูลจริง</source>
        <translation>Open the real database</translation>
    </message>
    <message>
        <source>สร้างฐานข้อมูลจริงและลงทะเบียนเครื่อง…</source>
        <translation>Create the real database and enrol this computer…</translation>
    </message>
    <message>
        <source>กำลังซิงค์ข้อมูล…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>นี่คือฐานข้อมูลสาธิต การเปลี่ยนแปลงเก็บไว้ในเครื่องนี้เท่านั้น ไม่ซิงค์</source>
        <translation>This is a demo database: changes stay on this computer and never sync.</translation>
    </message>
    <message>
        <source>เครื่องนี้ยังไม่ได้ลงทะเบียนกับสำนักงานใหญ่</source>
        <translation>This computer is not enrolled with headquarters</translation>
    </message>
    <message>
        <source>เซิร์ฟเวอร์ %1 · ผู้ใช้ %2 · เครื่อง %3</source>
        <translation>Server %1 · user %2 · device %3</translation>
    </message>
    <message>
        <source>เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์ ข้อมูลและรายการที่รอส่งยังอยู่ครบ กรุณาติดต่อฝ่ายไอทีเพื่อลงทะเบียนใหม่</source>
        <translation>This computer&apos;s sync access was revoked. Its data and waiting changes are all still here; contact IT to enrol again.</translation>
    </message>
    <message>
        <source>รอส่ง (%1)</source>
        <translation>Waiting (%1)</translation>
    </message>
    <message>
        <source>สำเร็จ</source>
        <translation>Succeeded</translation>
    </message>
    <message>
        <source>ไม่ครบ</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>ความขัดแย้ง (%1)</source>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <source>ถูกปฏิเสธ (%1)</source>
        <translation>Rejected (%1)</translation>
    </message>
    <message>
        <source>ไม่มีความขัดแย้งที่รอการตัดสินใจ</source>
        <translation>No conflicts waiting for a decision</translation>
    </message>
    <message>
        <source>ข้อมูล %1 ช่อง %2 ถูกแก้จากสองเครื่องเป็นค่าต่างกัน
ของฉัน: %3
ของอีกฝ่าย: %4
ตอนนี้ในเครื่อง: %5</source>
        <translation>Field %2 of %1 was changed to different values on two computers.
Mine: %3
Theirs: %4
Now on this computer: %5</translation>
    </message>
    <message>
        <source>บันทึกการตัดสินใจแล้ว จะส่งให้เครื่องอื่นเมื่อซิงค์</source>
        <translation>Decision saved; other computers get it at the next sync</translation>
    </message>
    <message>
        <source>ไม่มีรายการที่ถูกปฏิเสธ</source>
        <translation>No rejected change sets</translation>
    </message>
    <message>
        <source>ส่งใหม่แล้ว รายการรอส่งในการซิงค์ครั้งถัดไป</source>
        <translation>Resent: it waits for the next sync</translation>
    </message>
    <message>
        <source>ยกเลิกรายการ &quot;%1&quot;? ข้อมูลนี้จะไม่ถูกส่งอีก (ยังดูได้ในประวัติ)</source>
        <translation>Discard &quot;%1&quot;? It will not be sent again (it stays in the history)</translation>
    </message>
    <message>
        <source>ยกเลิกรายการ</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>เก็บไว้ก่อน</source>
        <translation>Keep it for now</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>ฐานข้อมูลสาธิต (ไม่ซิงค์)</source>
        <translation>Demo database (never syncs)</translation>
    </message>
    <message>
        <source>กำลังซิงค์ข้อมูล…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>ออนไลน์</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>ออฟไลน์</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>รอส่ง %n รายการ</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>ไม่มีรายการรอส่ง</source>
        <translation>no changes waiting</translation>
    </message>
    <message>
        <source>ซิงค์ล่าสุดเมื่อ %1 น.</source>
        <translation>last synced at %1</translation>
    </message>
    <message>
        <source>ยังไม่เคยซิงค์</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>เปิดหน้าซิงค์ข้อมูล</source>
        <translation>Open the sync page</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>กำลังยกเลิก…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>แม่แบบระเบียบวาระการประชุม</source>
        <translation>Agenda template</translation>
    </message>
    <message>
        <source>ระเบียบวาระ</source>
        <translation>Agenda section</translation>
    </message>
    <message>
        <source>เรื่องย่อยประจำ (คั่นด้วย ;)</source>
        <translation>Standing sub-items (separated by ;)</translation>
    </message>
    <message>
        <source>บันทึกแม่แบบ</source>
        <translation>Save template</translation>
    </message>
    <message>
        <source>กลับไปใช้แม่แบบมาตรฐาน</source>
        <translation>Back to the standard template</translation>
    </message>
    <message>
        <source>บันทึกแม่แบบแล้ว ใช้กับการประชุมที่วางแผนต่อจากนี้</source>
        <translation>Template saved; meetings planned from now on use it</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>ยินดีต้อนรับสู่ CODI Desktop เครื่องมือของศูนย์ประสานงานจังหวัดสำหรับข้อมูลชุมชน องค์กร โครงการ งบประมาณ และการประชุม ใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต และซิงค์กับสำนักงานใหญ่เมื่อมีสัญญาณ เลือกวิธีเริ่มต้น:</source>
        <translation>Welcome to CODI Desktop, the provincial centre&apos;s tool for communities, organizations, projects, budgets and meetings. It works without internet and syncs with headquarters when there is a connection. Choose how to start:</translation>
    </message>
    <message>
        <source>เปิดจังหวัดสาธิต (อุบลราชธานี)</source>
        <translation>Open the demo province (Ubon Ratchathani)</translation>
    </message>
    <message>
        <source>ข้อมูลสมมุติสำหรับทดลองใช้ ไม่ซิงค์กับสำนักงานใหญ่ ใช้เวลาสร้างไม่กี่วินาที</source>
        <translation>Made-up data to try the app; it never syncs with headquarters and takes a few seconds to build.</translation>
    </message>
    <message>
        <source>ทดลองใช้</source>
        <translation>Try it out</translation>
    </message>
    <message>
        <source>พิมพ์หรือเลือกจังหวัด</source>
        <translation>Type or choose a province</translation>
    </message>
    <message>
        <source>เริ่มฐานข้อมูลว่างของจังหวัดนี้</source>
        <translation>Start an empty database for this province</translation>
    </message>
    <message>
        <source>เริ่มจากฐานข้อมูลว่าง</source>
        <translation>Start empty</translation>
    </message>
    <message>
        <source>เริ่มต้นใช้งาน CODI Desktop</source>
        <translation>Getting started with CODI Desktop</translation>
    </message>
    <message>
        <source>ลงทะเบียนเครื่องกับสำนักงานใหญ่</source>
        <translation>Enrol with headquarters</translation>
    </message>
    <message>
        <source>การลงทะเบียนเครื่องต้องใช้โมดูลซิงค์ข้อมูล ซึ่งยังไม่ได้ติดตั้งในโปรแกรมรุ่นนี้ ระหว่างนี้ลงทะเบียนได้จากบรรทัดคำสั่ง: codi-desktop enrol --server ที่อยู่เซิร์ฟเวอร์ --username ชื่อผู้ใช้ แล้วเปิดโปรแกรมอีกครั้ง</source>
        <translation>Enrolling this computer needs the sync module, which this version does not include yet. Meanwhile enrol from the command line: codi-desktop enrol --server SERVER-ADDRESS --username USER, then open the app again.</translation>
    </message>
    <message>
        <source>ใช้บัญชีที่ฝ่ายไอทีของสำนักงานใหญ่ให้ไว้ รหัสผ่านใช้ครั้งเดียวตอนลงทะเบียน เครื่องจะเก็บรหัสเครื่องไว้ในที่เก็บรหัสผ่านของระบบ ไม่บันทึกลงไฟล์</source>
        <translation>Use the account HQ IT gave you. The password is used once, to enrol; the device token is kept in the system keyring, never in a file.</translation>
    </message>
    <message>
        <source>ลงทะเบียนเครื่องนี้</source>
        <translation>Enrol this computer</translation>
    </message>
    <message>
        <source>ที่อยู่เซิร์ฟเวอร์</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>กรุณากรอกที่อยู่เซิร์ฟเวอร์ ชื่อผู้ใช้ และรหัสผ่าน</source>
        <translation>Please fill in the server address, user name and password</translation>
    </message>
    <message>
        <source>กำลังลงทะเบียนเครื่อง…</source>
        <translation>Enrolling this computer…</translation>
    </message>
    <message>
        <source>ลงทะเบียนเครื่องแล้ว บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดที่จะทำงานด้านล่าง</source>
        <translation>This computer is enrolled. The account covers several provinces: choose the province to work on below.</translation>
    </message>
    <message>
        <source>กำลังสร้างจังหวัดสาธิต…</source>
        <translation>Building the demo province…</translation>
    </message>
    <message>
        <source>กรุณาเลือกจังหวัดจากรายการ</source>
        <translation>Choose a province from the list</translation>
    </message>
</context>
</TS>
