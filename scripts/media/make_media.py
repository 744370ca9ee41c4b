#!/usr/bin/env python3
"""Makes the practice tests' media, with the ground truth known by construction.

Images are SVG drawn from simple shapes, so every object's bounding box, outline polygon and
keypoints are computed here, exactly, and written beside the image as `<name>.truth.json`.
Audio is made with Debian's espeak-ng (speech, from a known transcript) and sox (tones and
noise at known times), and its truth is written the same way.

Run from the repository root (needs python3, espeak-ng and sox):

    python3 scripts/media/make_media.py

Output is deterministic: running it twice gives the same files.
"""

import json
import math
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
ASSESSMENTS = os.path.join(ROOT, "Assessments")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def write_truth(path, truth):
    write(path, json.dumps(truth, indent=2, sort_keys=True) + "\n")


def r(value):
    """Round to 2 decimals so the JSON stays readable and stable."""
    return round(value, 2)


# ---------------------------------------------------------------------------------------------
# Images


class Scene:
    """An SVG canvas that records each object's geometry as it is drawn."""

    def __init__(self, width, height, background):
        self.width = width
        self.height = height
        self.parts = [f'<rect x="0" y="0" width="{width}" height="{height}" fill="{background}"/>']
        self.objects = []

    def add(self, label, svg, box=None, polygon=None, keypoints=None, note=None):
        self.parts.append(svg)
        entry = {"id": f"{label}-{sum(1 for o in self.objects if o['label'] == label) + 1}", "label": label}
        if box is not None:
            x0, y0, x1, y1 = box
            clipped = (max(0, x0), max(0, y0), min(self.width, x1), min(self.height, y1))
            if clipped != (x0, y0, x1, y1):
                # Truncated by the image border: the box stops at the edge (no pixels beyond it).
                entry["truncated"] = True
                x0, y0, x1, y1 = clipped
            entry["box"] = {"x": r(x0), "y": r(y0), "width": r(x1 - x0), "height": r(y1 - y0)}
        if polygon is not None:
            entry["polygon"] = [[r(x), r(y)] for x, y in polygon]
        if keypoints is not None:
            entry["keypoints"] = {name: [r(x), r(y), visibility] for name, (x, y, visibility) in keypoints.items()}
        if note:
            entry["note"] = note
        self.objects.append(entry)

    def decorate(self, svg):
        """Background detail that is not an object to label."""
        self.parts.append(svg)

    def svg(self, title):
        body = "\n  ".join(self.parts)
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}">\n  <title>{title}</title>\n  {body}\n</svg>\n'
        )

    def truth(self, title):
        return {"image": {"width": self.width, "height": self.height, "title": title}, "objects": self.objects}


def car(scene, x, y, length, color):
    """A side-on car: body, cabin and two wheels. Its box spans all of them."""
    height = length * 0.32
    wheel = length * 0.09
    body_top = y + height * 0.35
    svg = (
        f'<g><rect x="{x}" y="{r(body_top)}" width="{length}" height="{r(height * 0.45)}" rx="6" fill="{color}"/>'
        f'<rect x="{r(x + length * 0.22)}" y="{y}" width="{r(length * 0.5)}" height="{r(height * 0.4)}" rx="8" fill="{color}"/>'
        f'<circle cx="{r(x + length * 0.22)}" cy="{r(y + height - wheel)}" r="{r(wheel)}" fill="#222"/>'
        f'<circle cx="{r(x + length * 0.78)}" cy="{r(y + height - wheel)}" r="{r(wheel)}" fill="#222"/></g>'
    )
    scene.add("car", svg, box=(x, y, x + length, y + height))


def pedestrian(scene, x, y, height, color="#334", facing="front", occluded_below=None):
    """A stick figure standing with its feet at y + height; COCO-style keypoints are exact.

    `facing="front"` draws two eyes, so the figure faces the viewer and its left side is on the
    image's right. `facing="back"` draws a backpack and no face: the figure faces away, so its
    left side is on the image's left (and its nose is hidden, visibility 1, eyes not labelled).
    `occluded_below` is the top edge of something drawn in front of the figure afterwards: the
    box then covers the visible part only, and keypoints below it get visibility 1.
    """
    head = height * 0.12
    cx = x
    top = y
    neck = top + head * 2
    hip = top + height * 0.55
    foot = top + height
    shoulder_w = height * 0.14
    side = 1 if facing == "front" else -1  # +1: the subject's left is on the image's right
    joints = {
        "nose": (cx, top + head, 2 if facing == "front" else 1),
        "left_shoulder": (cx + side * shoulder_w, neck, 2),
        "right_shoulder": (cx - side * shoulder_w, neck, 2),
        "left_elbow": (cx + side * shoulder_w * 1.3, neck + height * 0.17, 2),
        "right_elbow": (cx - side * shoulder_w * 1.3, neck + height * 0.17, 2),
        "left_wrist": (cx + side * shoulder_w * 1.4, neck + height * 0.32, 2),
        "right_wrist": (cx - side * shoulder_w * 1.4, neck + height * 0.32, 2),
        "left_hip": (cx + side * shoulder_w * 0.6, hip, 2),
        "right_hip": (cx - side * shoulder_w * 0.6, hip, 2),
        "left_knee": (cx + side * shoulder_w * 0.7, hip + height * 0.22, 2),
        "right_knee": (cx - side * shoulder_w * 0.7, hip + height * 0.22, 2),
        "left_ankle": (cx + side * shoulder_w * 0.8, foot, 2),
        "right_ankle": (cx - side * shoulder_w * 0.8, foot, 2),
    }
    eye_dx, eye_y, eye_r = head * 0.38, top + head * 0.8, max(1.0, head * 0.16)
    if facing == "front":
        joints["left_eye"] = (cx + eye_dx, eye_y, 2)
        joints["right_eye"] = (cx - eye_dx, eye_y, 2)
    lines = [
        ("left_shoulder", "right_shoulder"), ("left_shoulder", "left_elbow"), ("left_elbow", "left_wrist"),
        ("right_shoulder", "right_elbow"), ("right_elbow", "right_wrist"), ("left_shoulder", "left_hip"),
        ("right_shoulder", "right_hip"), ("left_hip", "right_hip"), ("left_hip", "left_knee"),
        ("left_knee", "left_ankle"), ("right_hip", "right_knee"), ("right_knee", "right_ankle"),
    ]
    stroke = max(2, height * 0.03)
    segments = "".join(
        f'<line x1="{r(joints[a][0])}" y1="{r(joints[a][1])}" x2="{r(joints[b][0])}" y2="{r(joints[b][1])}" '
        f'stroke="{color}" stroke-width="{r(stroke)}" stroke-linecap="round"/>'
        for a, b in lines
    )
    extra = ""
    if facing == "front":
        extra = "".join(
            f'<circle cx="{r(cx + dx)}" cy="{r(eye_y)}" r="{r(eye_r)}" fill="#fff"/>' for dx in (-eye_dx, eye_dx)
        )
    else:
        # A backpack over the torso, drawn on top of the body lines.
        pack_w = shoulder_w * 1.3
        segments += (
            f'<rect x="{r(cx - pack_w / 2)}" y="{r(neck + height * 0.03)}" width="{r(pack_w)}" '
            f'height="{r(height * 0.22)}" rx="3" fill="#d68910"/>'
        )
    svg = f'<g>{segments}<circle cx="{r(cx)}" cy="{r(top + head)}" r="{r(head)}" fill="{color}"/>{extra}</g>'
    half = stroke / 2
    note = f"faces {'the viewer' if facing == 'front' else 'away from the viewer'}"
    if occluded_below is None:
        xs = [p[0] for p in joints.values()]
        box = (min(xs + [cx - head]) - half, top, max(xs + [cx + head]) + half, foot + half)
    else:
        # Visible extent: the head and every limb segment clipped at the occluder's top edge.
        cut = occluded_below
        xs = [cx - head, cx + head]
        for a, b in lines:
            (ax, ay, _), (bx, by, _) = joints[a], joints[b]
            if ay > by:
                (ax, ay), (bx, by) = (bx, by), (ax, ay)
            if ay >= cut:
                continue
            if by > cut:
                bx, by = ax + (bx - ax) * (cut - ay) / (by - ay), cut
            xs += [ax - half, ax + half, bx - half, bx + half]
        box = (min(xs), top, max(xs), min(cut, foot + half))
        joints = {name: (px, py, 1 if py >= cut else v) for name, (px, py, v) in joints.items()}
        note += f"; hidden below y={r(cut)} by an object in front, so the box covers the visible part only"
    scene.add("person", svg, box=box, keypoints=joints, note=note)


def polygon_svg(points, fill):
    coords = " ".join(f"{r(x)},{r(y)}" for x, y in points)
    return f'<polygon points="{coords}" fill="{fill}"/>'


def bounding(points):
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def make_images():
    # Street scenes for the bounding-box test.
    street = Scene(640, 400, "#cfe8f7")
    street.decorate('<rect x="0" y="300" width="640" height="100" fill="#7a7a7a"/>')
    street.decorate('<rect x="0" y="345" width="640" height="6" fill="#eee"/>')
    car(street, 40, 250, 180, "#c0392b")
    car(street, 380, 262, 150, "#2e86c1")
    pedestrian(street, 285, 200, 120)
    pedestrian(street, 590, 220, 95, "#5b2c6f")
    folder = os.path.join(ASSESSMENTS, "street-boxes", "media")
    write(os.path.join(folder, "street-1.svg"), street.svg("Two cars and two people on a street"))
    write_truth(os.path.join(folder, "street-1.truth.json"), street.truth("Two cars and two people on a street"))

    parking = Scene(640, 400, "#dfe6e9")
    car(parking, 30, 120, 170, "#27ae60")
    car(parking, 230, 126, 160, "#f39c12")
    car(parking, 420, 118, 175, "#8e44ad")
    car(parking, 120, 280, 190, "#34495e")
    write(os.path.join(folder, "parking-1.svg"), parking.svg("A car park with four cars"))
    write_truth(os.path.join(folder, "parking-1.truth.json"), parking.truth("A car park with four cars"))

    # A harder street: a car cut off by the left border, a car with a shadow, a person whose
    # legs are hidden by a wall, a small distant person and a tree that is not an object.
    street = Scene(640, 400, "#d6eaf8")
    street.decorate('<rect x="0" y="240" width="640" height="50" fill="#bfc9ca"/>')    # pavement
    street.decorate('<rect x="0" y="290" width="640" height="110" fill="#7a7a7a"/>')   # road
    street.decorate('<rect x="150" y="150" width="14" height="95" fill="#6e2c00"/>'
                    '<circle cx="157" cy="135" r="42" fill="#239b56"/>')               # tree
    pedestrian(street, 470, 150, 130, "#17202a", occluded_below=245)
    street.decorate('<rect x="380" y="245" width="180" height="45" fill="#b03a2e"/>'
                    '<line x1="380" y1="267" x2="560" y2="267" stroke="#922b21" stroke-width="2"/>')  # low wall
    pedestrian(street, 610, 205, 40, "#7b241c")
    car(street, -70, 262, 190, "#1f618d")
    street.decorate('<ellipse cx="310" cy="351" rx="100" ry="9" fill="#000" fill-opacity="0.3"/>')  # shadow
    car(street, 230, 300, 160, "#d4ac0d")
    title = "A street with a cut-off car, a shadow, a wall and a distant person"
    write(os.path.join(folder, "street-2.svg"), street.svg(title))
    write_truth(os.path.join(folder, "street-2.truth.json"), street.truth(title))

    # Shapes for the polygon test: a convex roof, a concave L-shaped building and a lake.
    shapes = Scene(640, 400, "#e8f5e9")
    building = [(60, 330), (60, 150), (160, 150), (160, 250), (260, 250), (260, 330)]
    shapes.add("building", polygon_svg(building, "#a1887f"), box=bounding(building), polygon=building)
    lake = [(r(450 + 120 * math.cos(a) * (1 + 0.18 * math.sin(3 * a))), r(200 + 70 * math.sin(a)))
            for a in [i * 2 * math.pi / 16 for i in range(16)]]
    shapes.add("lake", polygon_svg(lake, "#4fc3f7"), box=bounding(lake), polygon=lake)
    roof = [(300, 120), (360, 60), (420, 120)]
    shapes.add("roof", polygon_svg(roof, "#e57373"), box=bounding(roof), polygon=roof)
    folder = os.path.join(ASSESSMENTS, "shapes-and-poses", "media")
    write(os.path.join(folder, "shapes-1.svg"), shapes.svg("A building, a lake and a roof"))
    write_truth(os.path.join(folder, "shapes-1.truth.json"), shapes.truth("A building, a lake and a roof"))

    # People for the keypoint test.
    poses = Scene(480, 360, "#fffde7")
    pedestrian(poses, 140, 60, 260)
    pedestrian(poses, 350, 110, 200, "#1b5e20")
    write(os.path.join(folder, "people-1.svg"), poses.svg("Two people standing"))
    write_truth(os.path.join(folder, "people-1.truth.json"), poses.truth("Two people standing"))

    # A person seen from behind (backpack: their left is on the image's left) and a person
    # facing the viewer whose legs are hidden behind a crate.
    poses = Scene(480, 360, "#eef6fb")
    pedestrian(poses, 140, 50, 270, "#4a235a", facing="back")
    crate_top = 228
    pedestrian(poses, 350, 90, 220, "#1b4f72", occluded_below=crate_top)
    poses.decorate(f'<rect x="270" y="{crate_top}" width="160" height="118" fill="#a0522d"/>'
                   f'<line x1="270" y1="{crate_top + 59}" x2="430" y2="{crate_top + 59}" stroke="#6e3b1f" stroke-width="3"/>')
    title = "A person seen from behind and a person behind a crate"
    write(os.path.join(folder, "people-2.svg"), poses.svg(title))
    write_truth(os.path.join(folder, "people-2.truth.json"), poses.truth(title))

    # An aerial view: two fields that share a border, and a house roof partly hidden by a tree.
    aerial = Scene(640, 400, "#d5e8c4")
    field_a = [(40, 60), (300, 40), (320, 200), (60, 220)]
    field_b = [(300, 40), (560, 70), (540, 230), (320, 200)]
    aerial.add("field", polygon_svg(field_a, "#f4d03f"), box=bounding(field_a), polygon=field_a,
               note="shares the edge (300, 40)-(320, 200) with field-2")
    aerial.add("field", polygon_svg(field_b, "#a9cce3"), box=bounding(field_b), polygon=field_b,
               note="shares the edge (300, 40)-(320, 200) with field-1")
    # The roof is the rectangle 380..600 × 260..380; a round tree canopy (centre (585, 265),
    # radius 52) covers its top-right corner. The visible roof is the rectangle minus the disc.
    rx0, ry0, rx1, ry1 = 380, 260, 600, 380
    ccx, ccy, radius = 585, 265, 52
    top_cross = ccx - math.sqrt(radius ** 2 - (ccy - ry0) ** 2)      # where the canopy meets the top edge
    side_cross = ccy + math.sqrt(radius ** 2 - (rx1 - ccx) ** 2)     # where it meets the right edge
    start = math.atan2(ry0 - ccy, top_cross - ccx) % (2 * math.pi)   # about 185°
    end = math.atan2(side_cross - ccy, rx1 - ccx)                    # about 80°
    arc = [(ccx + radius * math.cos(start + (end - start) * i / 10), ccy + radius * math.sin(start + (end - start) * i / 10))
           for i in range(11)]
    roof_visible = [(rx0, ry0)] + arc + [(rx1, ry1), (rx0, ry1)]
    aerial.add("roof", f'<rect x="{rx0}" y="{ry0}" width="{rx1 - rx0}" height="{ry1 - ry0}" fill="#c0392b"/>',
               box=bounding(roof_visible), polygon=roof_visible,
               note="visible part only: the tree canopy covers the top-right corner")
    aerial.add("tree", f'<circle cx="{ccx}" cy="{ccy}" r="{radius}" fill="#1e8449"/>',
               box=(ccx - radius, ccy - radius, ccx + radius, ccy + radius),
               polygon=[(ccx + radius * math.cos(a * math.pi / 8), ccy + radius * math.sin(a * math.pi / 8)) for a in range(16)],
               note="16-gon approximation of the round canopy")
    title = "Aerial view: two fields and a roof partly under a tree"
    write(os.path.join(folder, "aerial-1.svg"), aerial.svg(title))
    write_truth(os.path.join(folder, "aerial-1.truth.json"), aerial.truth(title))


# ---------------------------------------------------------------------------------------------
# Audio

RATE = 16000


def run(*command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def duration(path):
    result = subprocess.run(["soxi", "-D", path], check=True, capture_output=True, text=True)
    return float(result.stdout.strip())


def speak(text, raw, out):
    """Speaks `text` into `out` at the media's sample rate, by way of the scratch file `raw`."""
    run("espeak-ng", "-v", "en-us", "-s", "150", "-w", raw, text)
    run("sox", "-R", "-D", raw, "-r", str(RATE), "-c", "1", "-b", "16", out)
    os.remove(raw)


def make_speech():
    folder = os.path.join(ASSESSMENTS, "dictation", "media")
    os.makedirs(folder, exist_ok=True)
    clips = {
        "clip-1": "Please label every car in the picture before you submit the task.",
        "clip-2": "Their team reviewed forty two images on Tuesday morning.",
        "clip-3": "The reviewer said the box was too loose around the bicycle.",
        "clip-4": "We meet at the station at seven fifteen, not at eight.",
    }
    truth = {}
    for name, text in clips.items():
        raw = os.path.join(folder, name + ".raw.wav")
        out = os.path.join(folder, name + ".wav")
        speak(text, raw, out)
        truth[name] = {"file": name + ".wav", "transcript": text, "seconds": r(duration(out))}

    # Fillers and a repeated word: the verbatim transcript keeps them, clean verbatim drops them.
    name = "clip-5"
    spoken = "So, um, I think the, the box is, uh, too tight."
    raw = os.path.join(folder, name + ".raw.wav")
    out = os.path.join(folder, name + ".wav")
    speak(spoken, raw, out)
    truth[name] = {"file": name + ".wav", "transcript": spoken, "clean_verbatim": "So I think the box is too tight.",
                   "seconds": r(duration(out))}

    # Three sound-alike words in one sentence, and a spoken amount.
    for name, text in {"clip-6": "They're going to put their bags over there.",
                       "clip-7": "The invoice total is two hundred and fifty dollars."}.items():
        raw = os.path.join(folder, name + ".raw.wav")
        out = os.path.join(folder, name + ".wav")
        speak(text, raw, out)
        truth[name] = {"file": name + ".wav", "transcript": text, "seconds": r(duration(out))}

    # A word drowned by a burst of noise: the honest transcript tags it instead of guessing.
    name = "clip-8"
    pieces = ["Please send the file to", "Martin", "before noon."]
    parts = []
    for index, text in enumerate(pieces):
        raw = os.path.join(folder, f"{name}.raw{index}.wav")
        part = os.path.join(folder, f"{name}.part{index}.wav")
        speak(text, raw, part)
        parts.append(part)
    masked_seconds = duration(parts[1])
    noise = os.path.join(folder, f"{name}.noise.wav")
    run("sox", "-R", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", noise, "synth", str(masked_seconds), "whitenoise", "vol", "0.7")
    masked = os.path.join(folder, f"{name}.masked.wav")
    run("sox", "-R", "-D", "-m", "-v", "0.03", parts[1], "-v", "1", noise, masked)
    out = os.path.join(folder, name + ".wav")
    run("sox", "-R", "-D", parts[0], masked, parts[2], out)
    noise_start = duration(parts[0])
    for path in parts + [noise, masked]:
        os.remove(path)
    truth[name] = {"file": name + ".wav", "transcript": "Please send the file to [inaudible] before noon.",
                   "masked_word": pieces[1], "noise": {"start": r(noise_start), "end": r(noise_start + masked_seconds)},
                   "seconds": r(duration(out))}
    write_truth(os.path.join(folder, "transcripts.truth.json"), truth)


def make_events():
    """Sound-event clips: tones and noise bursts placed at known times on quiet background."""
    folder = os.path.join(ASSESSMENTS, "sound-events", "media")
    os.makedirs(folder, exist_ok=True)
    scenes = {
        "events-1": [("beep", 0.50, 0.80, ["synth", "0.30", "sine", "1000"]),
                     ("buzz", 1.60, 2.20, ["synth", "0.60", "square", "180"]),
                     ("beep", 3.00, 3.30, ["synth", "0.30", "sine", "1000"])],
        "events-2": [("chime", 0.40, 1.40, ["synth", "1.00", "sine", "660", "fade", "0", "1.00", "0.9"]),
                     ("knock", 2.00, 2.15, ["synth", "0.15", "brownnoise"]),
                     ("knock", 2.45, 2.60, ["synth", "0.15", "brownnoise"])],
    }
    truth = {}
    for name, events in scenes.items():
        length = 4.0
        base = os.path.join(folder, name + ".base.wav")
        run("sox", "-R", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", base, "synth", str(length), "whitenoise", "vol", "0.02")
        inputs = [base]
        for index, (label, start, end, effect) in enumerate(events):
            part = os.path.join(folder, f"{name}.part{index}.wav")
            run("sox", "-R", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", part, *effect, "vol", "0.5", "pad", str(start))
            inputs.append(part)
        out = os.path.join(folder, name + ".wav")
        run("sox", "-R", "-D", "-m", *inputs, out, "trim", "0", str(length))
        for path in inputs:
            os.remove(path)
        truth[name] = {"file": name + ".wav", "seconds": length,
                       "events": [{"label": label, "start": start, "end": end} for label, start, end, _ in events]}

    # events-3: a quiet hum all through (background, not a target), a siren with a knock
    # inside it (overlapping events), then a beep.
    # events-4: knocks 0.10 s apart (one "knocking" event under a 0.25 s gap rule), a beep and
    # a lone knock.
    scenes = {
        "events-3": (5.0, [("hum", 0.0, 5.0, ["synth", "5.0", "sine", "110", "vol", "0.15"], True),
                           ("siren", 0.8, 3.6, ["synth", "2.8", "sine", "600-900", "fade", "0.05", "2.8", "0.05"], False),
                           ("knock", 2.0, 2.15, ["synth", "0.15", "brownnoise"], False),
                           ("beep", 4.2, 4.5, ["synth", "0.30", "sine", "1000"], False)]),
        "events-4": (5.0, [("knock", 0.60, 0.72, ["synth", "0.12", "brownnoise"], False),
                           ("knock", 0.82, 0.94, ["synth", "0.12", "brownnoise"], False),
                           ("knock", 1.04, 1.16, ["synth", "0.12", "brownnoise"], False),
                           ("beep", 2.00, 2.30, ["synth", "0.30", "sine", "1000"], False),
                           ("knock", 3.50, 3.62, ["synth", "0.12", "brownnoise"], False)]),
    }
    gap_rule = 0.25
    for name, (length, events) in scenes.items():
        base = os.path.join(folder, name + ".base.wav")
        run("sox", "-R", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", base, "synth", str(length), "whitenoise", "vol", "0.02")
        inputs = [base]
        for index, (label, start, end, effect, _) in enumerate(events):
            part = os.path.join(folder, f"{name}.part{index}.wav")
            run("sox", "-R", "-D", "-n", "-r", str(RATE), "-c", "1", "-b", "16", part, *effect, "vol", "0.5", "pad", str(start))
            inputs.append(part)
        out = os.path.join(folder, name + ".wav")
        run("sox", "-R", "-D", "-m", *inputs, out, "trim", "0", str(length))
        for path in inputs:
            os.remove(path)
        # Merge repetitions of the same label separated by less than the gap rule.
        targets = sorted((e for e in events if not e[4]), key=lambda e: e[1])
        merged = []
        for label, start, end, _, _ in targets:
            previous = next((m for m in reversed(merged) if m["label"] == label), None)
            if previous is not None and start - previous["end"] < gap_rule - 1e-9:
                previous["end"] = end
                previous["parts"] += 1
            else:
                merged.append({"label": label, "start": start, "end": end, "parts": 1})
        truth[name] = {"file": name + ".wav", "seconds": length, "gap_rule_seconds": gap_rule,
                       "background": [{"label": label, "start": start, "end": end} for label, start, end, _, bg in events if bg],
                       "events": [{"label": m["label"], "start": m["start"], "end": m["end"],
                                   **({"merged_repetitions": m["parts"]} if m["parts"] > 1 else {})}
                                  for m in sorted(merged, key=lambda m: m["start"])]}
    write_truth(os.path.join(folder, "events.truth.json"), truth)


def main():
    make_images()
    for tool in ("espeak-ng", "sox"):
        if subprocess.run(["which", tool], capture_output=True).returncode != 0:
            sys.exit(f"{tool} is missing: apt-get install -y espeak-ng sox")
    make_speech()
    make_events()
    print("media written under", os.path.relpath(ASSESSMENTS))


if __name__ == "__main__":
    main()
