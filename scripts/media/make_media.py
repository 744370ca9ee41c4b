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


def pedestrian(scene, x, y, height, color="#334"):
    """A stick figure standing with its feet at y + height; COCO-style keypoints are exact."""
    head = height * 0.12
    cx = x
    top = y
    neck = top + head * 2
    hip = top + height * 0.55
    foot = top + height
    shoulder_w = height * 0.14
    joints = {
        "nose": (cx, top + head, 2),
        "left_shoulder": (cx + shoulder_w, neck, 2),
        "right_shoulder": (cx - shoulder_w, neck, 2),
        "left_elbow": (cx + shoulder_w * 1.3, neck + height * 0.17, 2),
        "right_elbow": (cx - shoulder_w * 1.3, neck + height * 0.17, 2),
        "left_wrist": (cx + shoulder_w * 1.4, neck + height * 0.32, 2),
        "right_wrist": (cx - shoulder_w * 1.4, neck + height * 0.32, 2),
        "left_hip": (cx + shoulder_w * 0.6, hip, 2),
        "right_hip": (cx - shoulder_w * 0.6, hip, 2),
        "left_knee": (cx + shoulder_w * 0.7, hip + height * 0.22, 2),
        "right_knee": (cx - shoulder_w * 0.7, hip + height * 0.22, 2),
        "left_ankle": (cx + shoulder_w * 0.8, foot, 2),
        "right_ankle": (cx - shoulder_w * 0.8, foot, 2),
    }
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
    svg = f'<g>{segments}<circle cx="{r(cx)}" cy="{r(top + head)}" r="{r(head)}" fill="{color}"/></g>'
    xs = [p[0] for p in joints.values()]
    ys = [p[1] for p in joints.values()]
    half = stroke / 2
    box = (min(xs + [cx - head]) - half, top, max(xs + [cx + head]) + half, foot + half)
    scene.add("person", svg, box=box, keypoints=joints)


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


# ---------------------------------------------------------------------------------------------
# Audio

RATE = 16000


def run(*command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def duration(path):
    result = subprocess.run(["soxi", "-D", path], check=True, capture_output=True, text=True)
    return float(result.stdout.strip())


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
        run("espeak-ng", "-v", "en-us", "-s", "150", "-w", raw, text)
        run("sox", "-R", "-D", raw, "-r", str(RATE), "-c", "1", "-b", "16", out)
        os.remove(raw)
        truth[name] = {"file": name + ".wav", "transcript": text, "seconds": r(duration(out))}
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
