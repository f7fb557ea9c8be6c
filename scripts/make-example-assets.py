#!/usr/bin/env python3
"""Draws the example fleet's asset library and writes its catalogue.

Reads the shared data (shared/data/brands.yaml, models.yaml, accessories.yaml) and writes:

  assets/files/models/<model>/hero.jpg        the coast-road scene as a 4,200-pixel photo, first paint colour
  assets/files/models/<model>/night.jpg       the car at night in the city, a 3,200-pixel photo (gallery)
  assets/files/models/<model>/<colour>.svg    one picture per paint colour (colour picker)
  assets/files/brochures/<model>.pdf          a one-page brochure with the trims and prices
  assets/files/logos/<brand>.svg, group.svg   brand marks
  assets/files/accessories/<category>.svg     accessory pictures
  assets/catalog.yaml                         one record per file (cost, owner, licence, alt text)

The configurator pictures, logos and accessories are small SVG drawings. The heroes and night shots are
photographs in all but origin: the same drawings rendered large by libvips, softened like a lens and given
film grain, saved as JPEG (about 1 MB each, every file under 2 MB), so that the build's resizing has real work
to do. The CSS file (assets/files/css/showroom.css) is written by hand and only catalogued here.
Needs Python 3, PyYAML and libvips' command-line tools (Debian: python3-yaml libvips-tools). Run from the
repository root:

    python3 scripts/make-example-assets.py
"""
import os
import subprocess
import sys
import tempfile

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = os.path.join(ROOT, "assets", "files")
W, H = 1200, 675
GROUND = 540

# Silhouettes, rear to front, on a 1200 x 675 canvas: the top edge of the body, then wheel centres and radius.
BODIES = {
    "sedan": dict(top=[(185, 470), (192, 418), (250, 398), (330, 390), (430, 312), (560, 292), (690, 300),
                       (800, 384), (960, 404), (1012, 432), (1016, 482)],
                  glass=[(352, 390), (438, 322), (558, 304), (682, 312), (776, 390)], pillar=560,
                  wheels=(335, 862), r=64),
    "suv": dict(top=[(185, 472), (188, 362), (210, 304), (320, 286), (665, 286), (770, 366), (962, 386),
                     (1012, 420), (1016, 484)],
                glass=[(222, 362), (236, 306), (322, 298), (655, 298), (752, 368)], pillar=470,
                wheels=(335, 865), r=72),
    "hatch": dict(top=[(238, 472), (240, 382), (268, 318), (380, 298), (600, 300), (722, 380), (918, 400),
                       (966, 430), (970, 482)],
                  glass=[(270, 380), (284, 328), (382, 310), (594, 312), (704, 382)], pillar=470,
                  wheels=(365, 832), r=64),
    "pickup": dict(top=[(172, 470), (176, 376), (515, 376), (526, 298), (700, 292), (778, 372), (978, 390),
                        (1020, 424), (1022, 484)],
                   glass=[(542, 374), (552, 310), (692, 304), (758, 374)], pillar=640,
                   wheels=(330, 880), r=76),
    "mpv": dict(top=[(192, 472), (194, 332), (222, 278), (650, 272), (806, 360), (978, 384), (1014, 420),
                     (1018, 484)],
                glass=[(228, 352), (244, 292), (640, 286), (774, 362)], pillar=430,
                wheels=(338, 868), r=68),
    "coupe": dict(top=[(198, 470), (204, 428), (300, 408), (452, 322), (600, 310), (704, 330), (812, 398),
                       (972, 414), (1014, 442), (1016, 482)],
                  glass=[(334, 406), (462, 332), (600, 322), (694, 340), (786, 400)], pillar=None,
                  wheels=(345, 858), r=64),
    "city": dict(top=[(282, 472), (284, 362), (310, 298), (420, 284), (650, 288), (734, 370), (880, 390),
                      (920, 426), (922, 482)],
                 glass=[(314, 362), (328, 306), (424, 296), (640, 300), (716, 370)], pillar=520,
                 wheels=(392, 808), r=58),
}


def rounded_path(points, radius):
    """A closed path through `points` with each corner rounded by up to `radius`."""
    n = len(points)
    out = []
    for i in range(n):
        px, py = points[i - 1]
        cx, cy = points[i]
        nx, ny = points[(i + 1) % n]
        d1 = ((cx - px) ** 2 + (cy - py) ** 2) ** 0.5 or 1
        d2 = ((nx - cx) ** 2 + (ny - cy) ** 2) ** 0.5 or 1
        r = min(radius, d1 * 0.45, d2 * 0.45)
        a = (cx + (px - cx) * r / d1, cy + (py - cy) * r / d1)
        b = (cx + (nx - cx) * r / d2, cy + (ny - cy) * r / d2)
        out.append(("L" if out else "M") + f"{a[0]:.0f} {a[1]:.0f}Q{cx} {cy} {b[0]:.0f} {b[1]:.0f}")
    return "".join(out) + "Z"


def shade(hex_colour, factor):
    """Lighter (factor > 1) or darker (< 1) version of a #rrggbb colour."""
    h = hex_colour.lstrip("#")
    rgb = [int(h[i:i + 2], 16) for i in (0, 2, 4)]
    if factor >= 1:
        rgb = [round(c + (255 - c) * (factor - 1)) for c in rgb]
    else:
        rgb = [round(c * factor) for c in rgb]
    return "#" + "".join(f"{max(0, min(255, c)):02x}" for c in rgb)


def car(body, paint, lights="#fff4cc"):
    """The car's SVG elements (no background)."""
    shape = BODIES[body]
    top = shape["top"]
    front_x, rear_x = top[-1][0], top[0][0]
    outline = top + [(front_x - 12, 512), (rear_x + 12, 512)]
    rear_wheel, front_wheel = shape["wheels"]
    r = shape["r"]
    wheel_y = GROUND - r
    glass = shape["glass"]
    belt = max(y for _, y in glass)
    parts = [
        f'<ellipse cx="{(front_x + rear_x) // 2}" cy="{GROUND + 6}" rx="{(front_x - rear_x) // 2 + 40}" ry="18" fill="#000" opacity=".28"/>',
        f'<path d="{rounded_path(outline, 34)}" fill="url(#paint)"/>',
        f'<path d="{rounded_path(glass, 18)}" fill="url(#glass)"/>',
    ]
    if shape["pillar"]:
        parts.append(f'<rect x="{shape["pillar"] - 7}" y="{min(y for _, y in glass)}" width="14" height="{belt - min(y for _, y in glass)}" fill="{shade(paint, 0.55)}"/>')
    parts += [
        f'<path d="M{rear_x + 20} {belt + 22}H{front_x - 30}" stroke="{shade(paint, 1.35)}" stroke-width="5" stroke-linecap="round" opacity=".7"/>',
        f'<path d="M{front_x - 58} {belt + 28}h46" stroke="{lights}" stroke-width="12" stroke-linecap="round"/>',
        f'<path d="M{rear_x + 6} {belt + 30}h34" stroke="#d3202a" stroke-width="12" stroke-linecap="round"/>',
    ]
    for x in (rear_wheel, front_wheel):
        parts += [
            f'<circle cx="{x}" cy="{wheel_y}" r="{r + 10}" fill="#0b0c0e"/>',
            f'<circle cx="{x}" cy="{wheel_y}" r="{r}" fill="#1c1e22"/>',
            f'<circle cx="{x}" cy="{wheel_y}" r="{round(r * 0.62)}" fill="url(#rim)"/>',
            f'<circle cx="{x}" cy="{wheel_y}" r="{round(r * 0.16)}" fill="#30343a"/>',
        ]
    return "".join(parts)


def defs(paint):
    return (
        '<defs>'
        f'<linearGradient id="paint" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="{shade(paint, 1.25)}"/>'
        f'<stop offset=".45" stop-color="{paint}"/><stop offset="1" stop-color="{shade(paint, 0.6)}"/></linearGradient>'
        '<linearGradient id="glass" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#5d6b7a"/>'
        '<stop offset=".5" stop-color="#1d242c"/><stop offset="1" stop-color="#0d1116"/></linearGradient>'
        '<radialGradient id="rim"><stop offset="0" stop-color="#e9ecef"/><stop offset=".7" stop-color="#9aa1a9"/>'
        '<stop offset="1" stop-color="#5c636b"/></radialGradient>'
    )


def svg(content):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">'
            + content + "</svg>\n")


def studio_picture(body, paint):
    """The configurator view: the car on a soft studio floor."""
    return svg(
        defs(paint)
        + '<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4f5f7"/>'
        '<stop offset=".78" stop-color="#e3e6ea"/><stop offset="1" stop-color="#cfd3d8"/></linearGradient></defs>'
        f'<rect width="{W}" height="{H}" fill="url(#bg)"/>'
        f'<ellipse cx="600" cy="{GROUND + 10}" rx="560" ry="60" fill="#fff" opacity=".55"/>'
        + car(body, paint)
    )


def hero_picture(body, paint, sky):
    """The launch photo: the car on a coastal road at dusk, in the brand's sky colours."""
    top, bottom = sky
    return svg(
        defs(paint)
        + f'<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="{top}"/>'
        f'<stop offset="1" stop-color="{bottom}"/></linearGradient></defs>'
        f'<rect width="{W}" height="{H}" fill="url(#sky)"/>'
        f'<circle cx="930" cy="190" r="70" fill="#fff" opacity=".35"/>'
        f'<path d="M0 430 L160 330 L320 410 L520 300 L740 420 L930 340 L1200 420 V{GROUND} H0Z" fill="{shade(top, 0.7)}" opacity=".55"/>'
        f'<path d="M0 470 L240 410 L460 460 L700 400 L1000 470 L1200 440 V{GROUND} H0Z" fill="{shade(top, 0.5)}" opacity=".7"/>'
        f'<rect y="{GROUND - 20}" width="{W}" height="{H - GROUND + 20}" fill="#2a2d31"/>'
        f'<path d="M0 {GROUND + 62}H1200" stroke="#e9e3c9" stroke-width="6" stroke-dasharray="70 50" opacity=".7"/>'
        + car(body, paint)
    )


def night_picture(body, paint):
    """The car at night in front of a city skyline (gallery)."""
    windows = "".join(
        f'<rect x="{x}" y="{y}" width="10" height="14" fill="#ffd88a" opacity=".8"/>'
        for x in range(60, 1160, 46) for y in range(190 + (x * 7) % 90, 470, 58)
    )
    towers = "".join(
        f'<rect x="{x}" y="{150 + (x * 13) % 170}" width="38" height="{400 - (x * 13) % 170}" fill="#141a2b"/>'
        for x in range(40, 1180, 46)
    )
    return svg(
        defs(paint)
        + '<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#060814"/>'
        '<stop offset="1" stop-color="#26305a"/></linearGradient></defs>'
        f'<rect width="{W}" height="{H}" fill="url(#sky)"/>' + towers + windows
        + f'<rect y="{GROUND - 20}" width="{W}" height="{H - GROUND + 20}" fill="#101218"/>'
        f'<path d="M0 {GROUND + 40}H1200" stroke="#3a4466" stroke-width="3"/>'
        + car(body, paint, lights="#ffffff")
    )


def logo(name, primary, accent):
    """A brand mark: a chevron-like emblem and the brand name."""
    width = 80 + 24 * len(name)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="64" viewBox="0 0 {width} 64">'
            f'<circle cx="32" cy="32" r="28" fill="{primary}"/>'
            f'<path d="M16 40 L32 20 L48 40" fill="none" stroke="{accent}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>'
            f'<text x="72" y="43" font-family="Helvetica, Arial, sans-serif" font-size="30" font-weight="700" '
            f'letter-spacing="1" fill="{primary}">{name.upper()}</text></svg>\n')


ACCESSORY_DRAWINGS = {
    "charging": '<rect x="150" y="90" width="100" height="140" rx="18" fill="#1f2937"/><path d="M205 120 l-30 50 h24 l-8 40 l32 -55 h-24z" fill="#3ddc97"/>'
                '<path d="M200 230 C200 270 260 260 280 250" stroke="#1f2937" stroke-width="10" fill="none"/>',
    "exterior": '<rect x="70" y="130" width="260" height="70" rx="35" fill="#374151"/><rect x="90" y="200" width="220" height="12" fill="#111827"/>'
                '<path d="M110 140 H290" stroke="#6b7280" stroke-width="6" stroke-linecap="round"/>',
    "interior": '<path d="M110 90 H290 L310 250 H90 Z" fill="#111827"/><path d="M130 120 H270 M125 160 H275 M120 200 H280" stroke="#374151" stroke-width="8"/>',
    "lifestyle": '<path d="M100 200 Q200 70 300 200 Z" fill="#2563eb"/><rect x="80" y="196" width="240" height="22" rx="11" fill="#1e40af"/>'
                 '<circle cx="200" cy="120" r="10" fill="#fbbf24"/>',
    "safety": '<path d="M200 70 L300 110 V170 C300 220 260 250 200 270 C140 250 100 220 100 170 V110 Z" fill="#059669"/>'
              '<path d="M160 170 l30 30 l55 -60" stroke="#fff" stroke-width="14" fill="none" stroke-linecap="round" stroke-linejoin="round"/>',
}


def accessory_picture(category):
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">'
            '<rect width="400" height="300" fill="#f3f4f6"/>' + ACCESSORY_DRAWINGS[category] + "</svg>\n")


def pdf_text(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def brochure(model, brand):
    """A one-page A5 PDF: the model's name, tagline, trims and prices, written by hand in PDF syntax."""
    lines = [("F2", 26, 48, 520, model["name"]), ("F1", 13, 48, 494, model["tagline"]),
             ("F1", 11, 48, 470, f'{model["segment"]} - {brand["name"]}'), ("F2", 14, 48, 430, "Trims and prices")]
    y = 406
    for trim in model["trims"]:
        lines.append(("F1", 11, 48, y, f'{trim["name"]}: CNY {trim["price"]:,}  ({trim["power"]}, {trim["efficiency"]})'))
        y -= 20
    lines.append(("F2", 14, 48, y - 16, "Paint colours"))
    y -= 40
    for colour in model["colours"]:
        lines.append(("F1", 11, 48, y, colour["name"]))
        y -= 20
    lines.append(("F1", 9, 48, 40, f'{brand["name"]} hotline {brand["hotline"]}. Prices are manufacturer suggested retail prices.'))
    stream = "".join(f"BT /{font} {size} Tf {x} {y} Td ({pdf_text(text)}) Tj ET\n" for font, size, x, y, text in lines)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}endstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def photo(path, drawing, width):
    """Renders the SVG `drawing` as a `width`-pixel photo at `path`: softened (a lens is never vector-sharp), with
    fine grain, progressive JPEG at quality 80, no metadata. Each step is one `vips` command on a temporary file."""
    full = os.path.join(FILES, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        def step(name):
            return os.path.join(work, name + ".v")
        source = os.path.join(work, "drawing.svg")
        with open(source, "w") as handle:
            handle.write(drawing)
        scale = width / W
        commands = [
            ["vips", "svgload", source, step("drawn"), "--scale", f"{scale}"],
            ["vips", "flatten", step("drawn"), step("flat")],
            ["vips", "gaussblur", step("flat"), step("soft"), "1.5"],
            ["vips", "gaussnoise", step("grain"), str(width), str(round(H * scale)), "--sigma", "5", "--mean", "0"],
            ["vips", "add", step("soft"), step("grain"), step("grainy")],
            ["vips", "cast", step("grainy"), step("photo"), "uchar"],
            ["vips", "copy", step("photo"), full + "[Q=80,strip,optimize-coding,interlace]"],
        ]
        for command in commands:
            subprocess.run(command, check=True)
    size = os.path.getsize(full)
    if size >= 2_000_000:
        sys.exit(f"{path} is {size} bytes: keep every example photo under 2 MB")


def write(path, content):
    full = os.path.join(FILES, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    mode = "wb" if isinstance(content, bytes) else "w"
    with open(full, mode) as handle:
        handle.write(content)


def load(name):
    with open(os.path.join(ROOT, "shared", "data", name + ".yaml")) as handle:
        return yaml.safe_load(handle)


def main():
    brands = {b["id"]: b for b in load("brands")}
    models = load("models")
    accessories = load("accessories")
    catalog = {}

    def record(asset_id, **fields):
        catalog[asset_id] = fields

    record("showroom-css", file="css/showroom.css", title="Fleet stylesheet", kind="other", tags=["css"],
           owner="Web team", cost=0, currency="CNY")
    write("logos/group.svg", logo("Meridian Group", "#111827", "#c8102e"))
    record("group-logo", file="logos/group.svg", title="Meridian Auto Group logo", kind="logo", tags=["group"],
           owner="Group brand office", cost=0, currency="CNY",
           alt={"en": "Meridian Auto Group", "zh-CN": "子午汽车集团"})
    for brand in brands.values():
        write(f'logos/{brand["id"]}.svg', logo(brand["shortName"], brand["primary"], brand["accent"]))
        record(f'{brand["id"]}-logo', file=f'logos/{brand["id"]}.svg', title=f'{brand["name"]} logo', kind="logo",
               tags=[brand["id"]], owner="Group brand office", cost=0, currency="CNY",
               alt={"en": brand["name"], "zh-CN": brand["nameZh"]})

    for model in models:
        brand = brands[model["brand"]]
        mid, body, first = model["id"], model["body"], model["colours"][0]["hex"]
        photo(f"models/{mid}/hero.jpg", hero_picture(body, first, (brand["primary"], shade(brand["accent"], 1.3))), 4200)
        record(f"{mid}-hero", file=f"models/{mid}/hero.jpg", title=f'{model["name"]} launch photo', kind="photo",
               model=mid, tags=[brand["id"], mid, "press"], owner="Northlight Studio", cost=1000000, currency="CNY",
               licenceExpiry="2029-06-30", downloadable=True,
               alt={"en": f'{model["name"]} in {model["colours"][0]["name"]} on a coastal road at dusk',
                    "zh-CN": f'{model["name"]}（{model["colours"][0]["name"]}）黄昏时行驶在海滨公路上'})
        photo(f"models/{mid}/night.jpg", night_picture(body, model["colours"][-1]["hex"]), 3200)
        record(f"{mid}-night", file=f"models/{mid}/night.jpg", title=f'{model["name"]} in the city at night', kind="photo",
               model=mid, tags=[brand["id"], mid, "press"], owner="Northlight Studio", cost=1000000, currency="CNY",
               licenceExpiry="2029-06-30", downloadable=True,
               alt={"en": f'{model["name"]} in {model["colours"][-1]["name"]} in front of a city skyline at night',
                    "zh-CN": f'{model["name"]}（{model["colours"][-1]["name"]}）停在夜晚的城市天际线前'})
        for colour in model["colours"]:
            write(f'models/{mid}/{colour["id"]}.svg', studio_picture(body, colour["hex"]))
            record(f'{mid}-{colour["id"]}', file=f'models/{mid}/{colour["id"]}.svg',
                   title=f'{model["name"]} in {colour["name"]}', kind="photo", model=mid,
                   tags=[brand["id"], mid, "configurator"], owner="Pixelworks CGI", cost=120000, currency="CNY",
                   licenceExpiry="2030-12-31",
                   alt={"en": f'{model["name"]} in {colour["name"]}, side view',
                        "zh-CN": f'{model["name"]}，{colour["name"]}车漆，侧视图'})
        write(f"brochures/{mid}.pdf", brochure(model, brand))
        record(f"{mid}-brochure", file=f"brochures/{mid}.pdf", title=f'{model["name"]} brochure', kind="brochure",
               model=mid, tags=[brand["id"], mid], owner=f'{brand["name"]} marketing', cost=60000, currency="CNY",
               downloadable=True, alt={"en": f'{model["name"]} brochure (PDF)', "zh-CN": f'{model["name"]} 产品手册（PDF）'})

    for category in sorted({item["category"] for item in accessories}):
        write(f"accessories/{category}.svg", accessory_picture(category))
        record(f"accessory-{category}", file=f"accessories/{category}.svg", title=f"Accessories: {category}",
               kind="photo", tags=["accessories", category], owner="Meridian Parts", cost=8000, currency="CNY",
               licenceExpiry="2030-12-31", alt={"en": f"{category.capitalize()} accessory", "zh-CN": "配件"})

    with open(os.path.join(ROOT, "assets", "catalog.yaml"), "w") as handle:
        handle.write("# The shared asset library: one record per file under assets/files.\n"
                     "# Written by scripts/make-example-assets.py for the example pictures; edit or add records by hand.\n")
        yaml.safe_dump(catalog, handle, sort_keys=False, allow_unicode=True, width=200)
    print(f"wrote {len(catalog)} catalogue records", file=sys.stderr)


if __name__ == "__main__":
    main()
