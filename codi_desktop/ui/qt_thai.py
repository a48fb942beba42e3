"""Thai for Qt's own dialogs (the file dialog, its file list, the standard buttons).

Qt ships no Thai translation of its dialogs, so the Save dialog was entirely in English.
These are our strings for Qt's contexts, installed with the Thai interface
(``i18n.install_language("th")``); anything not listed stays as Qt wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

QT_THAI: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "ค้นหาใน:",
    ("QFileDialog", "File &name:"): "ชื่อไฟล์:",
    ("QFileDialog", "Files of &type:"): "ชนิดไฟล์:",
    ("QFileDialog", "&Open"): "เปิด",
    ("QFileDialog", "&Save"): "บันทึก",
    ("QFileDialog", "&Delete"): "ลบ",
    ("QFileDialog", "&Rename"): "เปลี่ยนชื่อ",
    ("QFileDialog", "&New Folder"): "สร้างโฟลเดอร์ใหม่",
    ("QFileDialog", "Create New Folder"): "สร้างโฟลเดอร์ใหม่",
    ("QFileDialog", "Create a New Folder"): "สร้างโฟลเดอร์ใหม่",
    ("QFileDialog", "All Files (*)"): "ทุกไฟล์ (*)",
    ("QFileDialog", "Back"): "ย้อนกลับ",
    ("QFileDialog", "Forward"): "ไปข้างหน้า",
    ("QFileDialog", "Go back"): "ย้อนกลับ",
    ("QFileDialog", "Go forward"): "ไปข้างหน้า",
    ("QFileDialog", "Parent Directory"): "โฟลเดอร์ที่อยู่เหนือขึ้นไป",
    ("QFileDialog", "Go to the parent directory"): "ไปโฟลเดอร์ที่อยู่เหนือขึ้นไป",
    ("QFileDialog", "List View"): "แสดงเป็นรายการ",
    ("QFileDialog", "Detail View"): "แสดงรายละเอียด",
    ("QFileDialog", "Change to list view mode"): "แสดงเป็นรายการ",
    ("QFileDialog", "Change to detail view mode"): "แสดงรายละเอียด",
    ("QFileDialog", "Show &hidden files"): "แสดงไฟล์ที่ซ่อนไว้",
    ("QFileDialog", "Sidebar"): "แถบด้านข้าง",
    ("QFileDialog", "List of places and bookmarks"): "ตำแหน่งและที่คั่นไว้",
    ("QFileDialog", "Files"): "ไฟล์",
    ("QFileDialog", "Save As"): "บันทึกเป็น",
    ("QFileDialog", "Open"): "เปิด",
    ("QFileDialog", "%1 already exists.\nDo you want to replace it?"):
        "มีไฟล์ %1 อยู่แล้ว\nต้องการเขียนทับหรือไม่",
    ("QFileSystemModel", "Name"): "ชื่อ",
    ("QFileSystemModel", "Size"): "ขนาด",
    ("QFileSystemModel", "Type"): "ชนิด",
    ("QFileSystemModel", "Date Modified"): "วันที่แก้ไข",
    ("QFileSystemModel", "Computer"): "คอมพิวเตอร์",
    ("QAbstractFileIconProvider", "Folder"): "โฟลเดอร์",
    ("QAbstractFileIconProvider", "Drive"): "ไดรฟ์",
    ("QPlatformTheme", "OK"): "ตกลง",
    ("QPlatformTheme", "Cancel"): "ยกเลิก",
    ("QPlatformTheme", "Open"): "เปิด",
    ("QPlatformTheme", "Save"): "บันทึก",
    ("QPlatformTheme", "Yes"): "ใช่",
    ("QPlatformTheme", "No"): "ไม่ใช่",
    ("QPlatformTheme", "Close"): "ปิด",
}


class QtThaiTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return QT_THAI.get((context, source))  # None: not ours, Qt asks the next translator

    def isEmpty(self) -> bool:
        return False
