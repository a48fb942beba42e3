"""Draw the application icon (resources/icons/codi-desktop.png, .ico, .icns) with Pillow.

Run once after changing the drawing: ``python scripts/make_icons.py``. The .deb uses the
PNG, the Windows installer the .ico, the macOS bundle the .icns.
"""

from pathlib import Path

import fontpkg_sarabun
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
TEAL = (31, 111, 139, 255)  # the navigation bar's colour
SIZE = 512


def draw() -> Image.Image:
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((16, 16, SIZE - 16, SIZE - 16), radius=96, fill=TEAL)
    # three roofs: communities side by side
    for i, x in enumerate((110, 256, 402)):
        top = 130 if i == 1 else 170
        d.polygon([(x - 70, top + 80), (x, top), (x + 70, top + 80)], fill="white")
        d.rectangle((x - 48, top + 80, x + 48, top + 150), fill="white")
    font = ImageFont.truetype(str(Path(fontpkg_sarabun.ROOT) / "files" / "Sarabun-Bold.ttf"), 150)
    d.text((SIZE / 2, 400), "CODI", font=font, fill="white", anchor="mm")
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    img = draw()
    img.resize((256, 256), Image.LANCZOS).save(OUT / "codi-desktop.png")
    img.save(OUT / "codi-desktop.ico", sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
    img.save(OUT / "codi-desktop.icns")
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
