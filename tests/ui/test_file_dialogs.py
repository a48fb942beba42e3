"""File dialogs (issue 13): Qt's own file dialog speaks Thai with the Thai interface, and
each kind of file opens in the folder the last one of its kind was saved to."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel

from codi_desktop.ui import file_dialogs


def test_the_file_dialog_is_in_thai(qapp):
    from codi_desktop.ui.i18n import install_language

    install_language("th")
    dialog = QFileDialog(None, "บันทึกเอกสาร", "", "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    QApplication.processEvents()
    labels = {w.text() for w in dialog.findChildren(QLabel)}
    buttons = {b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
    dialog.close()
    assert {"ค้นหาใน:", "ชื่อไฟล์:", "ชนิดไฟล์:"} <= labels, labels
    assert {"บันทึก", "ยกเลิก"} <= buttons, buttons


def test_each_kind_of_file_remembers_its_folder(qapp, tmp_path):
    pdfs, sheets = tmp_path / "เอกสาร", tmp_path / "ตาราง"
    pdfs.mkdir()
    sheets.mkdir()
    file_dialogs.remember("pdf", str(pdfs / "รายงานการประชุม 1-2569.pdf"))
    file_dialogs.remember("export", str(sheets / "ชุมชน.xlsx"))
    assert file_dialogs.last_folder("pdf") == pdfs
    assert file_dialogs.last_folder("export") == sheets
    file_dialogs.remember("pdf", "")  # a cancelled dialog changes nothing
    assert file_dialogs.last_folder("pdf") == pdfs
    # a folder since removed: back to the home folder, not an error
    pdfs.rmdir()
    assert file_dialogs.last_folder("pdf").is_dir()
