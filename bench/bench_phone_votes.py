"""A room votes from its phones: 60 simulated phones on loopback, each holding a live connection,
cast a ballot and then change it, on a board of 40 notes, with the run view and the room view
(showing the vote's progress) open.

    python bench/bench_phone_votes.py            # about half a minute
    python bench/bench_phone_votes.py --quick    # 15 phones

The phones are aiohttp clients in a process of their own. It prints, for the real path (server
thread -> queued call into the GUI thread -> operations -> SQLite commit -> acknowledgement,
then every phone's state pushed again, each filtered for that phone):

1. ballot -> acknowledged, p50 and p99;
2. what the live connections carried: pushes and bytes per phone over the whole vote (each
   ballot makes the laptop push every phone its own view of the vote);
3. the GUI thread's timer-tick lateness at p99 (a 16 ms QTimer) while the phones vote;

and the same ballots answered by a bare aiohttp handler that acknowledges at once (no GUI hop,
no database, no pushes). Figures are printed, not asserted. Loopback traffic only.
"""

import argparse
import asyncio
import json
import os
import random
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
from aiohttp import WSMsgType, web  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402

from bench.bench_phones import TICK_MS, gui_ticks, percentile, running_window, serve_bare  # noqa: E402
from collabdesk.net.server import TOKEN_HEADER  # noqa: E402
from collabdesk.services import voting, workshops  # noqa: E402
from collabdesk.store import Store  # noqa: E402
from collabdesk.ui.shell.app import make_application  # noqa: E402

NOTES = 40


async def phones(base: str, code: str | None, people: list[int], round_id: int, keys: list[str]) -> dict:
    """One phone per participant id: join, claim, listen, vote, then change the vote."""
    acks: list[float] = []
    pushes: list[tuple[int, int]] = []  # per phone: messages, bytes

    async def phone(session: aiohttp.ClientSession, person: int, rng: random.Random) -> None:
        headers = {}
        if code is not None:
            async with session.post(base + "api/v1/join", json={"code": code}) as reply:
                headers = {TOKEN_HEADER: (await reply.json())["token"]}
            async with session.post(base + "api/v1/claim", json={"participant": person}, headers=headers) as reply:
                assert reply.status == 200, await reply.text()
        received = [0, 0]
        async with session.ws_connect(base + "api/v1/live", max_msg_size=0) as ws:
            await ws.send_json({"token": headers.get(TOKEN_HEADER, "")})

            async def listen() -> None:
                async for message in ws:
                    if message.type == WSMsgType.TEXT:
                        received[0] += 1
                        received[1] += len(message.data.encode())

            listening = asyncio.create_task(listen())
            for _ in range(2):  # a ballot, then a change of mind
                await asyncio.sleep(rng.uniform(0, 3))  # people vote at their own pace
                dots = {rng.choice(keys): 1 for _ in range(3)}
                started = time.perf_counter()
                async with session.post(base + "api/v1/ballot", json={"round": round_id, "dots": dots},
                                        headers=headers) as reply:
                    assert reply.status == 200, await reply.text()
                acks.append(time.perf_counter() - started)
            await asyncio.sleep(1)  # the last pushes arrive
            listening.cancel()
        pushes.append(tuple(received))

    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(phone(session, person, random.Random(person)) for person in people))
    return {"acks": acks, "pushes": pushes}


def run_phones(base, code, people, round_id, keys) -> tuple[dict, threading.Thread]:
    """The phones in a process of their own; a thread here waits for their figures."""
    result: dict = {}

    def wait() -> None:
        done = subprocess.run([sys.executable, __file__, "--phones-only",
                               json.dumps([base, code, people, round_id, keys])],
                              capture_output=True, text=True, check=True)
        result.update(json.loads(done.stdout))

    thread = threading.Thread(target=wait)
    thread.start()
    return result, thread


def bare_server(people: list[int], round_id: int, keys: list[str]) -> list[float]:
    """The same phones against a bare aiohttp server that acknowledges each ballot at once."""

    async def ballot(request):
        body = await request.json()
        return web.json_response({"round": body["round"], "status": "voted", "dots": body["dots"]})

    async def visit(base: str) -> list[float]:
        return (await phones(base, None, people, round_id, keys))["acks"]

    return serve_bare("/api/v1/ballot", ballot, visit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--phones-only", help=argparse.SUPPRESS)  # the phones' own process
    args = parser.parse_args()
    if args.phones_only:
        print(json.dumps(asyncio.run(phones(*json.loads(args.phones_only)))))
        return
    count = 15 if args.quick else 60

    app = make_application()
    folder = tempfile.mkdtemp()
    store = Store(Path(folder) / "bench.sqlite")
    made = workshops.create_workshop(store, title="Votes bench", participants=[f"P{i}" for i in range(count)])
    exercise = store.exercises(made.id)[0]
    notes = [store.add_note(exercise.id, f"Idea {i}: " + "words " * 12) for i in range(NOTES)]
    round_ = voting.start_round(store, made.id, title="Top priorities", dots_per_voter=3, max_per_item=2)
    window = running_window(store, made.id, folder)
    url = window.phones.turn_on(made.id, "127.0.0.1")
    base, code = url.split("?code=")
    people = [p.id for p in store.participants(made.id)]
    keys = [f"note:{n.id}" for n in notes]

    late, ticker = gui_ticks()
    found, thread = run_phones(base, code, people, round_.id, keys)
    done = QTimer(interval=50)
    done.timeout.connect(lambda: None if thread.is_alive() else app.quit())
    done.start()
    app.exec()
    done.stop()
    ticker.stop()
    window.phones.turn_off()
    voted = voting.progress(store, round_.id).voted
    window.close()
    store.close()

    bare = [a * 1000 for a in bare_server(people, round_.id, keys)]
    ms = [a * 1000 for a in found["acks"]]
    messages = [m for m, _ in found["pushes"]]
    sizes = [b for _, b in found["pushes"]]
    print(f"{count} phones, {NOTES} notes on the board: {len(ms)} ballots acknowledged, {voted} of {count} voted")
    print(f"ballot -> acknowledged: p50 {statistics.median(ms):.1f} ms, p99 {percentile(ms, 99):.1f} ms "
          f"(bare aiohttp, no GUI hop, database or pushes: p50 {statistics.median(bare):.1f} ms, "
          f"p99 {percentile(bare, 99):.1f} ms; {percentile(ms, 99) / max(percentile(bare, 99), 0.01):.1f}x)")
    print(f"live pushes per phone over the vote: median {statistics.median(messages):.0f} messages, "
          f"{statistics.median(sizes) / 1024:.0f} KB")
    print(f"load average while running: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    print(f"GUI timer ticks late: p50 {statistics.median(late):.0f} ms, p99 {percentile(late, 99):.0f} ms "
          f"({len(late)} ticks of {TICK_MS} ms)")


if __name__ == "__main__":
    main()
