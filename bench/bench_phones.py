"""Phones in the room at scale: 60 simulated phones on loopback, each holding a live
connection and posting 20 notes, with the run view and the room view open.

    python bench/bench_phones.py            # about half a minute
    python bench/bench_phones.py --quick    # 15 phones, 5 notes each
    python bench/bench_phones.py --profile gui.prof   # and a cProfile of the GUI thread meanwhile
    python bench/bench_phones.py --phones-tab  # with the Phones tab on screen (its lists follow the notes)

The phones are aiohttp clients in a process of their own (real phones do not share the
app's interpreter); each joins, opens the live connection, then posts its notes at the
room's rate (one a second after the burst), as a person typing would. It prints, for the
real path (server thread -> queued call into the GUI thread -> operations -> SQLite commit
-> acknowledgement):

1. post -> acknowledged, p50 and p99;
2. the GUI thread's timer-tick lateness at p99 (a 16 ms QTimer, measured against when it
   should have fired), while the phones send;

and, against the bare library, the same posts answered by a bare aiohttp handler that
acknowledges at once (no GUI hop, no database). Aim: p99 <= 50 ms, ticks late by <= 16 ms
at p99. Figures are printed, not asserted. Loopback traffic only.
"""

import argparse
import asyncio
import cProfile
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer  # noqa: E402

from collabdesk.net.server import TOKEN_HEADER  # noqa: E402
from collabdesk.services import workshops  # noqa: E402
from collabdesk.store import Store  # noqa: E402
from collabdesk.ui.common.events import EventHub  # noqa: E402
from collabdesk.ui.operations import Operations  # noqa: E402
from collabdesk.ui.shell.app import make_application  # noqa: E402
from collabdesk.ui.shell.main_window import MainWindow  # noqa: E402

TICK_MS = 16


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def phones(base: str, code: str | None, count: int, notes: int, acks: list[float]) -> None:
    """``count`` phones, each with a live connection, posting ``notes`` notes at the room's rate."""

    async def phone(session: aiohttp.ClientSession, index: int) -> None:
        headers = {}
        if code is not None:
            async with session.post(base + "api/v1/join", json={"code": code}) as reply:
                headers = {TOKEN_HEADER: (await reply.json())["token"]}
        async with session.ws_connect(base + "api/v1/live") as ws:
            await ws.send_json({"token": headers.get(TOKEN_HEADER, "")})
            for n in range(notes):
                started = time.perf_counter()
                body = {"key": f"bench-{index}-{n}-key", "text": f"Phone {index} note {n}", "kind": "idea"}
                async with session.post(base + "api/v1/notes", json=body, headers=headers) as reply:
                    assert reply.status == 201, await reply.text()
                acks.append(time.perf_counter() - started)
                await asyncio.sleep(1.05 if n >= 4 else 0.05)  # the burst, then one a second

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(phone(session, i) for i in range(count)))


def run_phones(base, code, count, notes) -> tuple[list[float], threading.Thread]:
    """The phones in a process of their own (as real phones are other devices: they must not take
    the app's GIL); a thread here waits for their timings."""
    acks: list[float] = []

    def wait() -> None:
        done = subprocess.run([sys.executable, __file__, "--phones-only", base, code, str(count), str(notes)],
                              capture_output=True, text=True, check=True)
        acks.extend(json.loads(done.stdout))

    thread = threading.Thread(target=wait)
    thread.start()
    return acks, thread


def serve_bare(path: str, handler, visit):
    """``visit(base)``'s result, against a bare aiohttp server on loopback answering POST ``path``
    with ``handler`` and a live connection that says nothing (the bare library's side)."""

    async def live(request):
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for _ in ws:
            pass
        return ws

    async def main():
        app = web.Application()
        app.router.add_post(path, handler)
        app.router.add_get("/api/v1/live", live)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        try:
            return await visit(f"http://127.0.0.1:{runner.addresses[0][1]}/")
        finally:
            await runner.cleanup()

    return asyncio.run(main())


def bare_server(count: int, notes: int) -> list[float]:
    """The same phones against a bare aiohttp server that acknowledges at once."""

    async def note(request):
        body = await request.json()
        return web.json_response({"key": body["key"]}, status=201)

    async def visit(base: str) -> list[float]:
        acks: list[float] = []
        await phones(base, None, count, notes, acks)
        return acks

    return serve_bare("/api/v1/notes", note, visit)


def gui_ticks() -> tuple[list[float], QTimer]:
    """A started 16 ms timer on the GUI thread, and how late each of its ticks came (ms)."""
    late: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    expected = [TICK_MS]

    def tick() -> None:
        late.append(max(0, clock.elapsed() - expected[0]))
        expected[0] = clock.elapsed() + TICK_MS

    ticker = QTimer(interval=TICK_MS)
    ticker.setTimerType(ticker.timerType().PreciseTimer)
    ticker.timeout.connect(tick)
    ticker.start()
    return late, ticker


def running_window(store: Store, workshop_id: str, folder: str) -> MainWindow:
    """The app's window on a full-HD screen, running the workshop with its timer going and the
    room view open, as a facilitator's laptop is while phones are in."""
    window = MainWindow(Operations(store, EventHub()), QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
    window.resize(1920, 1080)
    window.show()
    window.open_workshop(workshop_id)
    window.toggle_room_view()
    window.run_view.toggle_timer()
    return window


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--profile", metavar="PATH", help="write a cProfile of the GUI thread to PATH")
    parser.add_argument("--phones-tab", action="store_true", help="with the run view's Phones tab on screen")
    parser.add_argument("--phones-only", nargs=4, metavar=("BASE", "CODE", "COUNT", "NOTES"),
                        help=argparse.SUPPRESS)  # the phones' own process
    args = parser.parse_args()
    if args.phones_only:
        base, code, count, notes = args.phones_only
        acks: list[float] = []
        asyncio.run(phones(base, code, int(count), int(notes), acks))
        print(json.dumps(acks))
        return
    count, notes = (15, 5) if args.quick else (60, 20)

    app = make_application()
    folder = tempfile.mkdtemp()
    store = Store(Path(folder) / "bench.sqlite")
    made = workshops.create_workshop(store, title="Phones bench", participants=[f"P{i}" for i in range(count)])
    window = running_window(store, made.id, folder)
    started = time.perf_counter()
    url = window.phones.turn_on(made.id, "127.0.0.1")
    switched_on = time.perf_counter() - started
    base, code = url.split("?code=")
    if args.phones_tab:
        from collabdesk.ui.phones.panel import PhonesPanel

        window.run_view.side_panel.setCurrentWidget(next(p for p in window.side_panels if isinstance(p, PhonesPanel)))

    late, ticker = gui_ticks()
    acks, thread = run_phones(base, code, count, notes)
    done = QTimer(interval=50)  # the GUI thread runs its own event loop meanwhile, as in the app
    done.timeout.connect(lambda: None if thread.is_alive() else app.quit())
    done.start()
    profile = cProfile.Profile() if args.profile else None
    if profile is not None:
        profile.enable()
    app.exec()
    if profile is not None:
        profile.disable()
        profile.dump_stats(args.profile)
    done.stop()
    ticker.stop()
    window.phones.turn_off()
    saved = len(store.notes(store.exercises(made.id)[0].id))
    window.close()
    store.close()

    bare = bare_server(count, notes)
    ms = [a * 1000 for a in acks]
    bare_ms = [a * 1000 for a in bare]
    print(f"{count} phones x {notes} notes: {len(acks)} acknowledged, {saved} on the board")
    print(f"switching phones on (aiohttp already loaded here; binding, first push): {switched_on * 1000:.0f} ms; "
          "while off nothing of it is imported (tests/net/test_server_thread.py), so start-up pays nothing")
    print(f"post -> acknowledged: p50 {statistics.median(ms):.1f} ms, p99 {percentile(ms, 99):.1f} ms "
          f"(bare aiohttp, no GUI hop or database: p50 {statistics.median(bare_ms):.1f} ms, "
          f"p99 {percentile(bare_ms, 99):.1f} ms; {percentile(ms, 99) / max(percentile(bare_ms, 99), 0.01):.1f}x)")
    print(f"load average while running: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"GUI timer ticks late: p50 {statistics.median(late):.0f} ms, p99 {percentile(late, 99):.0f} ms "
          f"({len(late)} ticks of {TICK_MS} ms)")


if __name__ == "__main__":
    main()
