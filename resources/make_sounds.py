"""Generate the alarm sounds (``resources/sounds/*.wav``): one per level, told apart by ear.

    python resources/make_sounds.py

* ``critical.wav``: three fast, high, alternating beeps (1,400 / 1,050 Hz) — a new critical case;
* ``overdue.wav``: two falling mid tones (880 → 660 Hz) — a case newly overdue;
* ``urge.wav``: one soft two-note chime (C5 + G5, decaying) — an urge received.

16-bit mono PCM at 22,050 Hz, under 1 s each, written with numpy and the standard ``wave``
module (made here, no third-party recordings).
"""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 22_050
HERE = Path(__file__).resolve().parent / "sounds"


def tone(freqs: list[float], seconds: float, decay: float = 0.0) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    wave_ = sum(np.sin(2 * np.pi * f * t) for f in freqs) / len(freqs)
    env = np.minimum(1.0, np.minimum(t / 0.01, (seconds - t) / 0.02))  # no clicks
    if decay:
        env = env * np.exp(-decay * t)
    return wave_ * env


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(RATE * seconds))


def write(name: str, samples: np.ndarray, volume: float = 0.6) -> Path:
    HERE.mkdir(exist_ok=True)
    path = HERE / f"{name}.wav"
    pcm = (np.clip(samples * volume, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    return path


def main() -> None:
    beep = [tone([1400], 0.12), silence(0.05), tone([1050], 0.12), silence(0.05)]
    write("critical", np.concatenate(beep * 3), volume=0.7)
    write("overdue", np.concatenate([tone([880], 0.25), silence(0.06), tone([660], 0.35)]))
    write("urge", tone([523.25, 783.99], 0.6, decay=5.0), volume=0.5)


if __name__ == "__main__":
    main()
