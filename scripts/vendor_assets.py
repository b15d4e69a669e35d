"""Copy the map's browser assets from node_modules/ into static/vendor/ (run after `npm ci`).

The list of files lives in ``geo.assets`` (what folium 0.20 asks for, mapped to npm packages
pinned in package.json). Exits non-zero, naming what is missing, when a file is not there.
Usage: ``npm ci --no-audit --no-fund && .venv/bin/python scripts/vendor_assets.py``
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo import assets  # noqa: E402


def main(node_modules: Path = assets.ROOT / "node_modules", vendor: Path = assets.VENDOR) -> int:
    missing = []
    copies = [(Path(src) if Path(src).is_absolute() else node_modules / src, vendor / dest)
              for dest, src in assets.FILES.values()]
    copies += [(node_modules / src, vendor / dest) for dest, src, _ in assets.EXTRA.values()]
    folders = [(node_modules / src, vendor / dest) for dest, src in assets.FOLDERS.items()]
    for src, _ in copies + folders:
        if not src.exists():
            missing.append(str(src))
    if missing:
        print("missing (run `npm ci` first):\n  " + "\n  ".join(missing), file=sys.stderr)
        return 1
    for src, dest in copies:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    for src, dest in folders:
        shutil.copytree(src, dest, dirs_exist_ok=True)
    size = sum(p.stat().st_size for p in vendor.rglob("*") if p.is_file())
    print(f"vendored {len(copies)} files and {len(folders)} folders into {vendor} "
          f"({size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
