"""Load test of ``chorus serve`` on loopback.

Starts the server (uvicorn in a subprocess on a free loopback port, default limits), then runs
``--clients`` concurrent clients for ``--seconds`` seconds, each posting 10-document clusters built
from ``../shared/data/duc2007.jsonl`` to ``/v1/summarize``, while one more client polls ``/health``
every 50 ms. Prints a Markdown table: requests, errors, throughput, p50/p95/p99 latency of
summarize, and /health p50/p95/max.

    python bench/load.py                 # 50 clients, 60 s
    python bench/load.py --seconds 10    # a quick run

Needs the serve extra and httpx. Exits 0 with "data not found" when the shared data is absent, and
with status 1 when any request failed or /health p95 exceeded 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "duc2007.jsonl"


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def build_payloads(path: Path, docs_per_cluster: int, words: int) -> list[bytes]:
    payloads = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cluster = json.loads(line)
            documents = cluster["documents"]
            for start in range(0, len(documents) - docs_per_cluster + 1, docs_per_cluster):
                chunk = documents[start : start + docs_per_cluster]
                body = {
                    "documents": [
                        {"text": d["text"], "id": d["id"], "title": d.get("title", ""), "date": d.get("date", "")} for d in chunk
                    ],
                    "words": words,
                }
                payloads.append(json.dumps(body).encode())
    return payloads


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int | None) -> subprocess.Popen:
    env = dict(os.environ)
    command = [sys.executable, "-m", "chorus.server", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_ready(client, url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("server exited: " + process.stderr.read().decode(errors="replace")[-2000:])
        try:
            if (await client.get(url + "/health")).status_code == 200:
                return
        except Exception:
            pass
        await asyncio.sleep(0.2)
    raise RuntimeError("server not ready")


async def run(args: argparse.Namespace, payloads: list[bytes]) -> dict:
    import httpx

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start_server(port, args.workers)
    try:
        async with httpx.AsyncClient(timeout=300, limits=httpx.Limits(max_connections=args.clients + 5)) as client, \
                httpx.AsyncClient(timeout=30) as health_client:  # fmt: skip
            await wait_ready(health_client, url, process)
            await asyncio.sleep(2)  # let the workers import the pipeline
            latencies: list[float] = []
            errors: list[str] = []
            health: list[float] = []
            health_errors: list[str] = []
            started = time.perf_counter()
            deadline = started + args.seconds

            async def worker(number: int) -> None:
                index = number
                while time.perf_counter() < deadline:
                    body = payloads[index % len(payloads)]
                    index += args.clients
                    t0 = time.perf_counter()
                    try:
                        response = await client.post(
                            url + "/v1/summarize", content=body, headers={"content-type": "application/json"}
                        )
                        ok = response.status_code == 200 and response.json().get("sentences")
                        if not ok:
                            errors.append(f"{response.status_code}: {response.text[:200]}")
                    except Exception as error:
                        errors.append(f"{type(error).__name__}: {error}")
                        continue
                    latencies.append(time.perf_counter() - t0)

            async def poll_health() -> None:
                while time.perf_counter() < deadline:
                    t0 = time.perf_counter()
                    try:
                        response = await health_client.get(url + "/health")
                        if response.status_code != 200:
                            health_errors.append(str(response.status_code))
                        else:
                            health.append(time.perf_counter() - t0)
                    except Exception as error:
                        health_errors.append(f"{type(error).__name__}: {error}")
                    await asyncio.sleep(0.05)

            await asyncio.gather(poll_health(), *(worker(i) for i in range(args.clients)))
            elapsed = time.perf_counter() - started
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
    return {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "documents_per_request": args.docs,
        "requests": len(latencies) + len(errors),
        "errors": len(errors),
        "error_samples": errors[:5],
        "throughput_rps": len(latencies) / elapsed,
        "p50_s": percentile(latencies, 50),
        "p95_s": percentile(latencies, 95),
        "p99_s": percentile(latencies, 99),
        "mean_s": statistics.fmean(latencies) if latencies else float("nan"),
        "health_polls": len(health),
        "health_errors": len(health_errors),
        "health_p50_ms": percentile(health, 50) * 1000,
        "health_p95_ms": percentile(health, 95) * 1000,
        "health_max_ms": max(health, default=float("nan")) * 1000,
    }


def table(result: dict) -> str:
    per_second = result["throughput_rps"]
    rows = [
        ("concurrent clients", f"{result['clients']}"),
        ("duration", f"{result['seconds']} s"),
        ("documents per request", f"{result['documents_per_request']}"),
        ("summarize requests", f"{result['requests']}"),
        ("errors", f"{result['errors']}"),
        ("throughput", f"{per_second:.2f} requests/s ({per_second * result['documents_per_request']:.0f} documents/s)"),
        ("summarize latency p50 / p95 / p99", f"{result['p50_s']:.2f} / {result['p95_s']:.2f} / {result['p99_s']:.2f} s"),
        ("/health polls (errors)", f"{result['health_polls']} ({result['health_errors']})"),
        (
            "/health latency p50 / p95 / max",
            f"{result['health_p50_ms']:.1f} / {result['health_p95_ms']:.1f} / {result['health_max_ms']:.1f} ms",
        ),
    ]
    return "\n".join(["| measure | value |", "|---|---|", *(f"| {name} | {value} |" for name, value in rows)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--docs", type=int, default=10, help="documents per request")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None, help="server worker processes (default: one per core)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", type=Path, default=None, help="also write the numbers here")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"data not found: {args.data}")
        return 0
    payloads = build_payloads(args.data, args.docs, args.words)
    result = asyncio.run(run(args, payloads))
    print(table(result))
    for sample in result["error_samples"]:
        print(f"error: {sample}", file=sys.stderr)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    return 1 if result["errors"] or result["health_errors"] or result["health_p95_ms"] > 100 else 0


if __name__ == "__main__":
    sys.exit(main())
