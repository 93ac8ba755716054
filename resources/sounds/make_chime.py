"""Regenerate chime.wav, the timer's end-of-exercise sound: two soft bell strikes.

Run with any Python 3 (standard library only): ``python resources/sounds/make_chime.py``.
Each strike is a bell-like tone (a fundamental with a few inharmonic partials) that
rises in a few milliseconds and fades exponentially; the second, a fifth higher,
answers the first. Quiet enough not to startle a room, clear enough to be heard.
"""

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SECONDS = 2.2
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (2.76, 0.18), (5.4, 0.06))  # ratio, loudness
STRIKES = ((0.0, 659.25), (0.38, 987.77))  # start (s), pitch (Hz): E5 then B5


def sample(t: float) -> float:
    value = 0.0
    for start, pitch in STRIKES:
        local = t - start
        if local < 0:
            continue
        attack = min(1.0, local / 0.006)
        for ratio, loudness in PARTIALS:
            decay = math.exp(-local * (2.2 + ratio * 0.9))
            value += loudness * attack * decay * math.sin(2 * math.pi * pitch * ratio * local)
    return value


def main(path: Path = Path(__file__).with_name("chime.wav")) -> None:
    count = int(RATE * SECONDS)
    values = [sample(i / RATE) for i in range(count)]
    peak = max(abs(v) for v in values)
    fade = int(RATE * 0.05)
    frames = bytearray()
    for i, v in enumerate(values):
        tail = min(1.0, (count - i) / fade)
        frames += struct.pack("<h", int(v / peak * 0.6 * tail * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


if __name__ == "__main__":
    main()
