#!/usr/bin/env python3
"""Load benchmark for `groundwork serve` (not a test): N simulated learners on loopback, each
starting an attempt at a practice test and saving every answer through the JSON API, over
keep-alive HTTP/1.1 connections (asyncio, no third-party package). Bounded: one attempt per
learner, and a deadline.

Prints requests per second, answer-save latency (p50/p99/max), errors, and writes every
acknowledged answer (learner, item, client sequence) to a file, so `verify.py` can check the
gradebook holds each of them exactly once — also after the server was killed mid-run.

The server must run with GROUNDWORK_BENCH_LEARNERS=1 (simulated learners by header)."""
import argparse
import asyncio
import json
import random
import statistics
import sys
import time


class Connection:
    def __init__(self, host, port, learner):
        self.host, self.port, self.learner = host, port, learner
        self.reader = self.writer = None
        self.cookie = None
        self.token = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def request(self, method, path, body=None):
        payload = b"" if body is None else json.dumps(body).encode()
        headers = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", "X-Groundwork-Learner: " + self.learner,
                   f"Content-Length: {len(payload)}"]
        if body is not None:
            headers.append("Content-Type: application/json")
        if self.cookie:
            headers.append("Cookie: gw_session=" + self.cookie)
        if self.token and method != "GET":
            headers.append("X-CSRF-Token: " + self.token)
        self.writer.write(("\r\n".join(headers) + "\r\n\r\n").encode() + payload)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        length = 0
        while True:
            line = (await self.reader.readline()).decode().strip()
            if not line:
                break
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "set-cookie" and value.strip().startswith("gw_session="):
                self.cookie = value.strip().split(";")[0].split("=", 1)[1]
                self.token = self.cookie
        data = await self.reader.readexactly(length) if length else b""
        return status, (json.loads(data) if data else None)


async def learner(number, args, results):
    conn = Connection(args.host, args.port, "learner-%d-%s" % (number, args.run))
    if args.ramp:
        await asyncio.sleep(args.ramp * number / args.learners)
    try:
        await conn.open()
        await conn.request("GET", "/api/session")
        status, state = await conn.request("POST", "/api/assessments/%s/attempts" % args.test, {})
        results["requests"] += 1
        if status != 201:
            results["errors"].append(("start", status, state))
            return
        sequence = 0
        while state and state.get("item"):
            item = state["item"]
            sequence += 1
            answer = item["options"][random.randrange(len(item["options"]))]["id"] if item.get("options") else None
            body = {"itemID": item["id"], "clientSequence": sequence, "response": answer}
            started = time.perf_counter()
            status, state = await conn.request("POST", "/api/attempts/%d/answers" % state["attempt"], body)
            results["latencies"].append(time.perf_counter() - started)
            results["requests"] += 1
            if status != 200:
                results["errors"].append(("answer", status, state))
                return
            results["acknowledged"].append((conn.learner, item["id"], sequence))
            if args.think:
                await asyncio.sleep(random.uniform(0, 2 * args.think))
    except (ConnectionError, OSError, asyncio.IncompleteReadError) as error:
        results["errors"].append(("connection", 0, str(error)))
    finally:
        if conn.writer:
            conn.writer.close()


async def main(args):
    results = {"latencies": [], "requests": 0, "errors": [], "acknowledged": []}
    started = time.perf_counter()
    tasks = [asyncio.create_task(learner(n, args, results)) for n in range(args.learners)]
    done, pending = await asyncio.wait(tasks, timeout=args.deadline)
    for task in pending:
        task.cancel()
    elapsed = time.perf_counter() - started
    latencies = sorted(results["latencies"])
    def quantile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000 if latencies else float("nan")
    summary = {
        "learners": args.learners, "seconds": round(elapsed, 2), "requests": results["requests"],
        "requests_per_second": round(results["requests"] / elapsed, 1), "answers_acknowledged": len(results["acknowledged"]),
        "answer_ms_p50": round(quantile(0.5), 2), "answer_ms_p99": round(quantile(0.99), 2),
        "answer_ms_max": round(latencies[-1] * 1000, 2) if latencies else None,
        "answer_ms_mean": round(statistics.mean(latencies) * 1000, 2) if latencies else None,
        "errors": len(results["errors"]), "unfinished_learners": len(pending),
    }
    print(json.dumps(summary))
    for error in results["errors"][:5]:
        print("error:", error, file=sys.stderr)
    with open(args.acknowledged, "w") as file:
        json.dump(results["acknowledged"], file)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--test", default="sentiment-quiz")
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds between a learner's answers")
    parser.add_argument("--ramp", type=float, default=0.0, help="seconds over which the learners arrive (0: all at once)")
    parser.add_argument("--deadline", type=float, default=120.0)
    parser.add_argument("--run", default="a", help="a tag that makes learner names unique per run")
    parser.add_argument("--acknowledged", default="acknowledged.json")
    asyncio.run(main(parser.parse_args()))
