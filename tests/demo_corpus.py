"""The ids of the bundled demo corpus (chorus/demo/), one home for every test module that names them."""

from __future__ import annotations

C01, C02, C03, C04, C05 = (
    "01_northern-courier",
    "02_valley-herald",
    "03_daily-meridian",
    "04_velmorski-glas",
    "05_ostravian-observer",
)
DEMO_IDS = [C01, C02, C03, C04, C05]
"""In file order, as a list (tests compare report id lists with it)."""
DEMO_COPIES = (C02, C03)
"""The two demo reports that carry the same OPA wire story (chorus/demo/README.md)."""
