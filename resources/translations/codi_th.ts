<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH" sourcelanguage="th_TH">
<context>
    <name></name>
    <message>
        <source>ยังไม่ได้ยื่น</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>เรื่อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำหนดเสร็จ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จากการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สิ่งที่ต้องทำ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ: พิมพ์ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หรือชื่อหน่วยงานผู้รับผิดชอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการที่เกี่ยวข้อง: พิมพ์รหัสหรือชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มเรื่องที่ต้องติดตาม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผลการดำเนินงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปิดเรื่อง (ดำเนินการแล้ว) ในการประชุมนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่เสร็จ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เสร็จแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปิดเรื่องแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>วาระที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้นำเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นาที</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่องที่จะเพิ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> นาที</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เป็นเรื่องย่อยของรายการที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มเรื่อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สาระสำคัญที่ประชุมหารือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มติที่ประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มีการลงคะแนน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เห็นด้วย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่เห็นด้วย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งดออกเสียง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกรายงานวาระนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบเรื่องนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เหตุผลที่แก้ไขรายงานที่ล็อกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเป็นฉบับแก้ไขใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายงานการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระเบียบวาระที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกมติและผลการลงคะแนนแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกรายงานวาระนี้แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกรายงานการประชุมฉบับที่ %1 แล้ว ฉบับเดิมยังเก็บไว้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssemblyPanel</name>
    <message>
        <source>นำเข้ารายชื่อจาก Excel (.xlsx)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อเสนอที่ที่ประชุมรับรอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อเสนอเชิงนโยบาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเป็นหลักฐานเกณฑ์ข้อ 10 ของการประเมินจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกหลักฐานเกณฑ์ข้อ 10 แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตามประเภทองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตามอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตามตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตามเพศ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>การประเมินจังหวัดจัดการตนเอง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีงบประมาณ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ประเมิน (คั่นด้วยเครื่องหมายจุลภาค)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกผลการประเมิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกมติเห็นชอบของคณะกรรมการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองผลการประเมิน (ส่วนกลาง)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์รายงานการพัฒนาจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประชุมที่เห็นชอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่ได้ประเมินปีนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปี %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกผลการประเมินแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกมติเห็นชอบแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองผลการประเมินแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายงานการพัฒนาจังหวัด %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเอกสารแล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์เอกสาร</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>เหตุผลที่ไม่มา (ลาป่วย ติดภารกิจ ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มาประชุมแทนใคร: พิมพ์ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียน: พิมพ์ชื่อบางส่วน แล้วเลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร / หน่วยงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนผู้มาใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้มาใหม่ (ยังไม่มีในฐานข้อมูล)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร / ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มาแทน / เหตุผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบรายชื่อที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเป็น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แทน %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้เข้าประชุม %1 คน · ไม่มาประชุม %2 คน · เชิญ %3 ราย</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>ยังไม่มีข้อมูล</source>
        <extracomment>the thinnest bar drawn for a value above zero, so small programs stay visible bar thickness in horizontal charts, as a share of the text height a fixed top of the scale (levels 0–4), or None to scale to the largest value</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentreBox</name>
    <message>
        <source>ข้อมูลศูนย์สำหรับหนังสือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เช่น พอช. อบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เช่น งานประสานงานจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกข้อมูลศูนย์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลขที่หนังสือ (ที่)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ที่อยู่สำนักงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ประสานงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparisonPage</name>
    <message>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความพร้อม (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผลการประเมิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกตารางเปรียบเทียบตามที่เรียงไว้เป็นไฟล์ Excel หรือ CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปรียบเทียบจังหวัดในขอบเขต</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่ประเมิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปรียบเทียบจังหวัด ปีงบประมาณ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกตารางเปรียบเทียบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกแล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmBar</name>
    <message>
        <source>ไม่ลบ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriterionLevelsBox</name>
    <message>
        <source>ความหมายของแต่ละระดับในเกณฑ์ 10 ข้อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความหมาย (ภาษาไทย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความหมาย (ภาษาอังกฤษ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกความหมายของระดับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่มีการเปลี่ยนแปลง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกความหมายของระดับในเกณฑ์ข้อ %1 แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CriterionRow</name>
    <message>
        <source>หลักฐาน / บันทึกประกอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้หลักฐานนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่ใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่มีหลักฐานจากข้อมูลที่แนะนำได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แนะนำระดับ %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้หลักฐานที่แนะนำแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่ใช้หลักฐานที่แนะนำ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>ปีงบประมาณ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาพรวมจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครัวเรือนในชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กรชุมชนและภาคี</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการในปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมที่จัดแล้วในปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จัดสรร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อนุมัติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เบิกจ่าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>คงเหลือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมที่จัดแล้วในแต่ละเดือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการตามสถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กรตามประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชุมชนตามประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระดับการประเมินจังหวัดจัดการตนเอง (10 เกณฑ์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน (ตัวเลข)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่มีการประเมินในปีงบประมาณนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เกณฑ์ที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระดับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รวม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>ปี %1 เป็น ค.ศ. ใช้ พ.ศ. %2 แทน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่ไม่ถูกต้อง ให้พิมพ์เป็น วว/ดด/ปปปป พ.ศ. เช่น 25/11/2569 หรือเลือกจากปฏิทิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เดือนก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เดือนถัดไป</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พ.ศ. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ล้างวันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วว/ดด/ปปปป พ.ศ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกจากปฏิทิน (Alt+↓)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีงบประมาณ </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>ติดต่อเซิร์ฟเวอร์ไม่ได้ ตรวจสอบที่อยู่เซิร์ฟเวอร์และการเชื่อมต่ออินเทอร์เน็ต แล้วลองใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อ่านหรือเขียนไฟล์ไม่ได้: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ข้อมูลที่บันทึกแล้วยังอยู่ครบ ลองทำอีกครั้ง หากยังเกิดขึ้นให้แจ้งผู้ดูแลระบบพร้อมไฟล์บันทึก (log)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>กรองตามผู้รับผิดชอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำหนดเสร็จ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จากการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลยกำหนดแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครบกำหนดภายใน 14 วัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่ถึงกำหนด หรือไม่ได้กำหนดวัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลยกำหนด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใกล้ครบกำหนด</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>พิมพ์ชื่อตำบล</source>
        <extracomment>only shown for these values of the form&apos;s &quot;kind&quot; field (organization kinds)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่พบตำบลนี้ ให้เลือกจากรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้แก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประวัติการแก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มีการแก้ไขที่ยังไม่ได้บันทึก จะทิ้งการแก้ไขนี้หรือไม่?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทิ้งการแก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แก้ไขต่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภทชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนประชากร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อผู้นำชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนชุมชนใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบชุมชนนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภทองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาคส่วน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่ก่อตั้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่จดแจ้งจัดตั้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนสมาชิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยอดเงินกองทุน (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เงินออม (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนองค์กรใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบองค์กรนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>คำนำหน้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพศ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มบุคคลใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบบุคคลนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตั้งแต่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์ชื่อองค์กรอย่างน้อย 1 ตัวอักษร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มสมาชิกภาพ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สิ้นสุดสมาชิกภาพที่เลือก (ใช้วันที่ &apos;ถึง&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกบุคคลนี้ก่อน แล้วจึงเพิ่มสมาชิกภาพในองค์กรได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกองค์กรจากรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรุณาเลือกองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มสมาชิกภาพแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกสมาชิกภาพในรายการก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สิ้นสุดสมาชิกภาพแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบสมาชิกภาพแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สมาชิกภาพในองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สมาชิกและกรรมการ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>นำเข้าจากไฟล์ Excel หรือ CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่ได้เลือกไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกไฟล์…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จับคู่คอลัมน์ (แก้ได้ถ้าไม่ถูกต้อง)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แถวที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้า%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกไฟล์ที่จะนำเข้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel หรือ CSV (*.xlsx *.csv);;ทุกไฟล์ (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หัวตารางอยู่แถวที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใหม่ %1 · มีอยู่แล้ว %2 · ซ้ำในไฟล์ %3 · ผิดพลาด %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่ได้จับคู่คอลัมน์ที่จำเป็น: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มีแถวที่ผิดพลาด แก้ในไฟล์แล้วเลือกไฟล์ใหม่ หรือแก้การจับคู่คอลัมน์ (ยังไม่ได้บันทึกข้อมูลใด ๆ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่มีข้อมูลในไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(ไม่ใช้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>คอลัมน์ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้าแล้ว %1 รายการใหม่</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>ต.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พ.ย.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ธ.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ม.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ก.พ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มี.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เม.ย.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พ.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มิ.ย.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ก.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส.ค.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ก.ย.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>ค้นหา (พิมพ์ชื่อบางส่วนได้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกรายการที่กรองไว้เป็นไฟล์ Excel หรือ CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้า…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้ารายการจากไฟล์ Excel หรือ CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกอำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกสถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีงบประมาณ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทุกแผนงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกรายการ</source>
        <extracomment>a column is never narrower than this, nor wider than that, when sized to content</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังส่งออก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออก %1 รายการไปที่ %2 แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกการส่งออกแล้ว ไม่มีไฟล์ถูกบันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดที่จะเพิ่มรายการจากช่องเลือกจังหวัดก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแล้ว รายการนี้ไม่ตรงกับตัวกรองที่ใช้อยู่ จึงไม่แสดงในรายการ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ภาพรวม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการและงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมและสมัชชา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประเมินจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ซิงค์ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาคและกลุ่มจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 จังหวัดในขอบเขต</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(สาธิต)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่พบไฟล์แปลภาษา จึงยังแสดงเป็นภาษาไทย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปรียบเทียบจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingPanel</name>
    <message>
        <source>ไม่พบการประชุมนี้ (อาจถูกลบไปแล้ว)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครั้งที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้มาประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ไม่มาประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งานที่ต้องติดตาม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระเบียบวาระการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>มติ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingWorkspace</name>
    <message>
        <source>รายละเอียด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระเบียบวาระและรายงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่องที่ต้องติดตาม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรอง ล็อก และพิมพ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สมัชชา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมนี้กำหนดวันที่ %1 ยังไม่ถึงวันประชุม ต้องการบันทึกการลงทะเบียนหรือรายงานการประชุมล่วงหน้าหรือไม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกล่วงหน้า</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วางแผนการประชุมใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครั้งที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์เอกสาร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเอกสารแล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกปฏิทินแล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังนำเข้ารายชื่อ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้าแล้ว %1 คน (ซ้ำ %2 คน ข้ามไป)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นำเข้ารายชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <source>รายงานการประชุมล็อกแล้ว แก้ไขไม่ได้ — แก้รายงานได้โดยบันทึกเป็นฉบับแก้ไขใหม่พร้อมเหตุผล (แท็บระเบียบวาระและรายงาน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายงานการประชุมรับรองแล้ว แก้ไขไม่ได้ — ขั้นต่อไปคือล็อกรายงาน (แท็บรับรอง ล็อก และพิมพ์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมนี้ยกเลิกแล้ว แก้ไขไม่ได้ (ยังอยู่ในรายการพร้อมครั้งที่เดิม)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมนี้แก้ไขไม่ได้ในสถานะนี้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>วางแผนการประชุมใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิดการประชุมที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แม่แบบระเบียบวาระ…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่องที่ต้องติดตาม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>ปิดข้อความ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <source>บันทึกเวลาเริ่ม / เลิกประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งหนังสือเชิญแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองในการประชุมครั้งถัดไป</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองโดยการเวียน วันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองรายงานการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ล็อกรายงานการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ล็อกรายงานการประชุมแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์รายงานการประชุม (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์ใบลงทะเบียน (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์ระเบียบวาระ (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์หนังสือเชิญประชุม (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกลงปฏิทิน (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เริ่มประชุมเวลา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลิกประชุมเวลา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฉบับที่ล็อกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองในการประชุมครั้งที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองเมื่อ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฉบับที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฉบับที่ %1 ล็อกเมื่อ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเวลาประชุมแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่มีการประชุมครั้งถัดไปขององค์กรนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับรองรายงานการประชุมแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรุณากรอกวันที่เวียนรับรอง (วว/ดด/ปปปป)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายงานการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใบลงทะเบียน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระเบียบวาระ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกลงปฏิทิน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxPage</name>
    <message>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ซิงค์ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นี่คือฐานข้อมูลสาธิต การเปลี่ยนแปลงเก็บไว้ในเครื่องนี้เท่านั้น ไม่ส่งไปสำนักงานใหญ่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รอส่ง %1 รายการ การซิงค์กับสำนักงานใหญ่จะทำงานเมื่อติดตั้งโมดูลซิงค์และลงทะเบียนเครื่องแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>ชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อำเภอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมู่ที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประชากร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้นำชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ ชุมชนใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหาชุมชน ผู้นำ หรือตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กรชุมชนและภาคี</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สมาชิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จดแจ้งเมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เงินกองทุน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ องค์กรใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหาองค์กรหรือตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ บุคคลใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหาชื่อ ตำแหน่ง หรือโทรศัพท์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมและสมัชชา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครั้งที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหาเรื่อง สถานที่ หรือผู้จัด</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>ได้รับเชิญ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>ข้อเสนอ / หน่วยงานที่ยื่น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อเสนอเชิงนโยบาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อเสนอใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกการยื่นข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยื่นข้อเสนอที่เลือกต่อหน่วยงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่ยื่น</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกผลการพิจารณา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผลการพิจารณาของหน่วยงาน (เลือกแถวการยื่น)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่พิจารณา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนพัฒนาจังหวัดและข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่มข้อเสนอแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกข้อเสนอก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกการยื่นข้อเสนอแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกแถวการยื่นต่อหน่วยงานก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกผลการพิจารณาแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>พิมพ์ชื่อคณะกรรมการ / องค์กรที่ประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่ระบุองค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เว้นว่างได้: ใช้ชื่อองค์กรที่ประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อัตโนมัติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์ชื่อประธาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์ชื่อผู้จดรายงานการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สร้างการประชุมครั้งถัดไปจากการประชุมนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เหตุผลที่ยกเลิก เช่น เลื่อนเพราะน้ำท่วม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกการประชุมนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เวลา</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภทการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กรที่ประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครั้งที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานที่ (ณ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้จัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประธาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้จดรายงานการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เชิญบุคคล: พิมพ์ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เชิญองค์กร: พิมพ์ชื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบผู้ได้รับเชิญที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้ได้รับเชิญ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วางแผนการประชุม (ใช้แม่แบบระเบียบวาระ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกรายละเอียดการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกการประชุมแล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรรมการ / สมาชิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วางแผนการประชุมแล้ว ระเบียบวาระสร้างจากแม่แบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครั้งที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใส่วันที่แล้วจะแสดงครั้งที่ที่จะได้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การประชุมนี้จะเป็นครั้งที่ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกการประชุมแล้ว การประชุมยังอยู่ในรายการและคงครั้งที่เดิม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สร้างการประชุมครั้งถัดไปแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectPanel</name>
    <message>
        <source>รหัสโครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อโครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีงบประมาณ (พ.ศ.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชุมชน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภทเงิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่เริ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่สิ้นสุด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายละเอียดโครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนโครงการใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบโครงการนี้? ข้อมูลจะถูกทำเครื่องหมายว่าลบ และส่งไปยังส่วนกลางเมื่อซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนเงิน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งวดที่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลขที่เอกสาร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลับรายการที่เลือก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนเงิน (บาท)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>วันที่ (ว่าง = วันนี้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกโครงการก่อน แล้วจึงบันทึกงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อนุมัติ %1 · เบิกจ่ายแล้ว %2 · คงเหลือ %3 · รายงานการใช้จ่าย %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลับรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถูกกลับรายการแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จำนวนเงินไม่ถูกต้อง ให้พิมพ์เป็นตัวเลข เช่น 1,234.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งวดที่ต้องเป็นตัวเลข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังบันทึกไม่ได้ แก้ช่องกรอบสีแดง:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึก%1แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลับรายการ %1 %2 วันที่ %3? ระบบจะบันทึกรายการกลับบัญชีจำนวนเดียวกัน (รายการเดิมไม่ถูกลบ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลับรายการแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตัวชี้วัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หน่วย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เป้าหมาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผลจริง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกการจัดสรร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จัดสรรงบประมาณ:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกการจัดสรร %1 แล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พื้นที่และองค์กรเป้าหมาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรุณากรอกตัวเลข</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectTargets</name>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชุมชนเป้าหมาย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลบรายการที่เลือก</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectsPage</name>
    <message>
        <source>โครงการและงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัส</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อโครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แผนงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ครัวเรือน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ โครงการใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค้นหารหัส ชื่อโครงการ หรือตำบล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จัดสรร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อนุมัติ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เบิกจ่าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>คงเหลือ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์รายงานงบประมาณ (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกงบประมาณ (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกงบประมาณตามแผนงานของปีงบประมาณที่แสดงเป็นไฟล์ Excel (ตัวเลขรวมได้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การจัดสรรงบประมาณให้จังหวัดบันทึกโดยสำนักงานใหญ่ พอช. เท่านั้น เมื่อซิงค์ข้อมูล ยอดจัดสรรจะปรากฏที่นี่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่มีงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>งบประมาณตามแผนงาน ปีงบประมาณ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดจากช่องเลือกจังหวัดก่อนพิมพ์รายงานงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายงานงบประมาณ ปีงบประมาณ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังสร้างเอกสาร…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกเอกสารแล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์เอกสาร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งออกงบประมาณ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังส่งออก…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกไฟล์แล้ว: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvincePicker</name>
    <message>
        <source>ทุกจังหวัดในขอบเขต (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <source>รหัส</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อภาษาอังกฤษ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกชื่อภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาคของ พอช.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลุ่มจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ กลุ่มจังหวัดใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกกลุ่มจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ย้ายจังหวัดเข้ากลุ่มนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อกลุ่มจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>อยู่ในภาค</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ย้ายจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลุ่มจังหวัดทั้งหมด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อมูลอ้างอิงระดับประเทศ แก้ไขได้เฉพาะ พอช. ส่วนกลาง ทุกเครื่องจะได้รับเมื่อซิงค์ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ภาคและกลุ่มจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความหมายระดับของเกณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อมูลอ้างอิง: ภาค กลุ่มจังหวัด และเกณฑ์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกชื่อภาคแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกกลุ่มจังหวัดแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เลือกกลุ่มจังหวัดและจังหวัดก่อน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ย้าย%1เข้ากลุ่มจังหวัดแล้ว</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfManagingBox</name>
    <message>
        <source>จังหวัดจัดการตนเอง: ระดับการประเมินเทียบปีก่อน และผลของข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ปี %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่มีข้อเสนอในปีงบประมาณนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อเสนอ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>ภาษาที่ใช้แสดง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปลี่ยนทันที และจำไว้สำหรับครั้งต่อไป</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 จังหวัดในขอบเขต: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 จังหวัดในขอบเขต</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลในเครื่องนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>จังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลสาธิต (ไม่ซิงค์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลจริง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>โฟลเดอร์ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สำรองล่าสุด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>ปรับรุ่นฐานข้อมูลไม่สำเร็จ ไฟล์เดิมถูกกู้คืนจากสำเนาสำรองแล้วและยังใช้งานได้ กรุณาใช้โปรแกรมรุ่นก่อนหน้า หรือแจ้งผู้ดูแลระบบพร้อมข้อความด้านล่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูลไม่ได้ ตรวจสอบว่าโฟลเดอร์ข้อมูลเขียนได้และไฟล์ไม่เสีย</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartupProblem</name>
    <message>
        <source>ปิดโปรแกรม</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความขัดแย้ง %1 รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถูกปฏิเสธ %1 รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ต้องใส่รหัสผ่านเพื่อซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังซิงค์ข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>รหัสผ่าน (เครื่องนี้ไม่มีที่เก็บรหัสผ่านที่ปลอดภัย)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ซิงค์ตอนนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>หยุด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลำดับ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เมื่อ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผู้บันทึก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถูกปฏิเสธ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ขัดแย้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รับ (แถว)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ผลการซิงค์ล่าสุด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ซิงค์ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้ค่าของฉัน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้ค่าของอีกฝ่าย</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้ค่าที่แก้ไข</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค่าที่จะเก็บ (แก้ได้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ตาราง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทำอะไร</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ช่อง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ค่า (แก้ได้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>แก้แล้วส่งใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกรายการนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้เป็นฐานข้อมูลสาธิต (แซนด์บ็อกซ์สำหรับทดลองใช้) จึงไม่ซิงค์ ข้อมูลสาธิตจะไม่ถูกส่งไปที่ใดเลย หากต้องการทำงานจริงและซิงค์กับสำนักงานใหญ่ กดปุ่ม &quot;%1&quot; ฐานข้อมูลจริงอยู่ในโฟลเดอร์แยกต่างหาก: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังซิงค์ไม่ได้: เครื่องนี้ยังไม่ได้ลงทะเบียน หรือเป็นฐานข้อมูลสาธิต</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรุณาใส่รหัสผ่านแล้วกดซิงค์ตอนนี้ (เครื่องนี้ไม่เก็บรหัสไว้)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ซิงค์ไม่ได้ (ฐานข้อมูลสาธิต ยังไม่ลงทะเบียน หรือถูกเพิกถอน)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูลจริง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สร้างฐานข้อมูลจริงและลงทะเบียนเครื่อง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังซิงค์ข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>นี่คือฐานข้อมูลสาธิต การเปลี่ยนแปลงเก็บไว้ในเครื่องนี้เท่านั้น ไม่ซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เครื่องนี้ยังไม่ได้ลงทะเบียนกับสำนักงานใหญ่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เซิร์ฟเวอร์ %1 · ผู้ใช้ %2 · เครื่อง %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เครื่องนี้ถูกเพิกถอนสิทธิ์การซิงค์ ข้อมูลและรายการที่รอส่งยังอยู่ครบ กรุณาติดต่อฝ่ายไอทีเพื่อลงทะเบียนใหม่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รอส่ง (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>สำเร็จ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่ครบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ความขัดแย้ง (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ถูกปฏิเสธ (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่มีความขัดแย้งที่รอการตัดสินใจ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อมูล %1 ช่อง %2 ถูกแก้จากสองเครื่องเป็นค่าต่างกัน
ของฉัน: %3
ของอีกฝ่าย: %4
ตอนนี้ในเครื่อง: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกการตัดสินใจแล้ว จะส่งให้เครื่องอื่นเมื่อซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ไม่มีรายการที่ถูกปฏิเสธ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ส่งใหม่แล้ว รายการรอส่งในการซิงค์ครั้งถัดไป</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกรายการ &quot;%1&quot;? ข้อมูลนี้จะไม่ถูกส่งอีก (ยังดูได้ในประวัติ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยกเลิกรายการ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เก็บไว้ก่อน</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>ฐานข้อมูลสาธิต (ไม่ซิงค์)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังซิงค์ข้อมูล…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ออนไลน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ออฟไลน์</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>รอส่ง %n รายการ</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>ไม่มีรายการรอส่ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ซิงค์ล่าสุดเมื่อ %1 น.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ยังไม่เคยซิงค์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิดหน้าซิงค์ข้อมูล</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>ยกเลิก</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังยกเลิก…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>แม่แบบระเบียบวาระการประชุม</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ระเบียบวาระ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เรื่องย่อยประจำ (คั่นด้วย ;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแม่แบบ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กลับไปใช้แม่แบบมาตรฐาน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>บันทึกแม่แบบแล้ว ใช้กับการประชุมที่วางแผนต่อจากนี้</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>ยินดีต้อนรับสู่ CODI Desktop เครื่องมือของศูนย์ประสานงานจังหวัดสำหรับข้อมูลชุมชน องค์กร โครงการ งบประมาณ และการประชุม ใช้งานได้โดยไม่ต้องต่ออินเทอร์เน็ต และซิงค์กับสำนักงานใหญ่เมื่อมีสัญญาณ เลือกวิธีเริ่มต้น:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เปิดจังหวัดสาธิต (อุบลราชธานี)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ข้อมูลสมมุติสำหรับทดลองใช้ ไม่ซิงค์กับสำนักงานใหญ่ ใช้เวลาสร้างไม่กี่วินาที</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ทดลองใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>พิมพ์หรือเลือกจังหวัด</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เริ่มฐานข้อมูลว่างของจังหวัดนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เริ่มจากฐานข้อมูลว่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>เริ่มต้นใช้งาน CODI Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนเครื่องกับสำนักงานใหญ่</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>การลงทะเบียนเครื่องต้องใช้โมดูลซิงค์ข้อมูล ซึ่งยังไม่ได้ติดตั้งในโปรแกรมรุ่นนี้ ระหว่างนี้ลงทะเบียนได้จากบรรทัดคำสั่ง: codi-desktop enrol --server ที่อยู่เซิร์ฟเวอร์ --username ชื่อผู้ใช้ แล้วเปิดโปรแกรมอีกครั้ง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ใช้บัญชีที่ฝ่ายไอทีของสำนักงานใหญ่ให้ไว้ รหัสผ่านใช้ครั้งเดียวตอนลงทะเบียน เครื่องจะเก็บรหัสเครื่องไว้ในที่เก็บรหัสผ่านของระบบ ไม่บันทึกลงไฟล์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนเครื่องนี้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ที่อยู่เซิร์ฟเวอร์</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรุณากรอกที่อยู่เซิร์ฟเวอร์ ชื่อผู้ใช้ และรหัสผ่าน</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังลงทะเบียนเครื่อง…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ลงทะเบียนเครื่องแล้ว บัญชีนี้ดูแลหลายจังหวัด เลือกจังหวัดที่จะทำงานด้านล่าง</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กำลังสร้างจังหวัดสาธิต…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>กรุณาเลือกจังหวัดจากรายการ</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
