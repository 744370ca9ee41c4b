#!/usr/bin/env python3
"""Load benchmark for `groundwork serve` (not a test): N simulated learners on loopback, each
starting an attempt at a practice test and saving every answer through the JSON API, over
keep-alive HTTP/1.1 connections (asyncio, no third-party package). Bounded: one attempt per
learner, and a deadline.

Learners are named in the X-Groundwork-Learner header (the server must run with
GROUNDWORK_BENCH_LEARNERS=1), or with --accounts sign in through /login as real accounts of a
class server (`serve --accounts`), as a browser does.

A save that gets no answer (the connection dropped, or a proxy answered 502/503/504) is sent
again with the same client sequence number, as a page retrying it would: the server records
it once. Prints requests per second, answer-save latency (p50/p99/max, retries included),
errors, and writes every acknowledged answer (learner, attempt, item, client sequence) to a
file, so `verify.py` can check the gradebook holds each of them exactly once — also after a
server was killed mid-run."""
import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import urllib.parse

RETRIED_STATUSES = {502, 503, 504}


class Connection:
    """One browser: a keep-alive connection, its cookies and its form token."""

    def __init__(self, host, port, learner, simulated):
        self.host, self.port, self.learner, self.simulated = host, port, learner, simulated
        self.reader = self.writer = None
        self.cookies = {}

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    def close(self):
        if self.writer:
            self.writer.close()
        self.reader = self.writer = None

    async def request(self, method, path, body=None, form=None):
        if self.writer is None:
            await self.open()
        if form is not None:
            payload, content_type = urllib.parse.urlencode(form).encode(), "application/x-www-form-urlencoded"
        else:
            payload, content_type = (b"", None) if body is None else (json.dumps(body).encode(), "application/json")
        headers = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(payload)}"]
        if self.simulated:
            headers.append("X-Groundwork-Learner: " + self.learner)
        if content_type:
            headers.append("Content-Type: " + content_type)
        if self.cookies:
            headers.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in sorted(self.cookies.items())))
        if "gw_session" in self.cookies and method != "GET":
            headers.append("X-CSRF-Token: " + self.cookies["gw_session"])
        self.writer.write(("\r\n".join(headers) + "\r\n\r\n").encode() + payload)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        status = int(status_line.split()[1])
        length, closing = 0, False
        while True:
            line = (await self.reader.readline()).decode().strip()
            if not line:
                break
            name, _, value = line.partition(":")
            name, value = name.lower(), value.strip()
            if name == "content-length":
                length = int(value)
            elif name == "connection" and value.lower() == "close":
                closing = True
            elif name == "set-cookie":
                cookie_name, _, rest = value.split(";")[0].partition("=")
                if "max-age=0" in value.lower():
                    self.cookies.pop(cookie_name, None)
                else:
                    self.cookies[cookie_name] = rest
        data = await self.reader.readexactly(length) if length else b""
        if closing:
            self.close()
        try:
            return status, (json.loads(data) if data else None)
        except ValueError:
            return status, data.decode(errors="replace")


async def send(conn, results, method, path, body=None, form=None, retries=5):
    """The request, sent again (same body) after a dropped connection or a proxy's 502/503/504."""
    for attempt in range(retries + 1):
        try:
            status, reply = await conn.request(method, path, body, form)
            if status not in RETRIED_STATUSES or attempt == retries:
                return status, reply
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            conn.close()
            if attempt == retries:
                raise
        results["retries"] += 1
        await asyncio.sleep(0.2 * (attempt + 1))


async def sign_in(conn, results, password):
    await send(conn, results, "GET", "/login")
    status, reply = await send(
        conn, results, "POST", "/login",
        form={"username": conn.learner, "password": password, "next": "/", "_csrf": conn.cookies.get("gw_session", "")})
    results["requests"] += 2
    if status != 303 or "gw_account" not in conn.cookies:
        raise RuntimeError(f"sign-in of {conn.learner} answered {status}")


async def learner(number, args, results, accounts):
    name = accounts[number][0] if accounts else "learner-%d-%s" % (number, args.run)
    conn = Connection(args.host, args.port, name, simulated=not accounts)
    if args.ramp:
        await asyncio.sleep(args.ramp * number / args.learners)
    try:
        if accounts:
            await sign_in(conn, results, accounts[number][1])
        else:
            await send(conn, results, "GET", "/api/session")
        status, state = await send(conn, results, "POST", "/api/assessments/%s/attempts" % args.test, {})
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
            status, state = await send(conn, results, "POST", "/api/attempts/%d/answers" % state["attempt"], body)
            results["latencies"].append(time.perf_counter() - started)
            results["requests"] += 1
            if status != 200:
                results["errors"].append(("answer", status, state))
                return
            results["acknowledged"].append((conn.learner, state["attempt"], item["id"], sequence))
            if args.think:
                await asyncio.sleep(random.uniform(0, 2 * args.think))
        results["finished"] += 1
    except (ConnectionError, OSError, asyncio.IncompleteReadError, RuntimeError) as error:
        results["errors"].append(("connection", 0, str(error)))
    finally:
        conn.close()


async def main(args):
    accounts = json.load(open(args.accounts)) if args.accounts else None
    if accounts and len(accounts) < args.learners:
        sys.exit(f"--accounts lists {len(accounts)} accounts for {args.learners} learners")
    results = {"latencies": [], "requests": 0, "errors": [], "acknowledged": [], "retries": 0, "finished": 0}
    started = time.perf_counter()
    tasks = [asyncio.create_task(learner(n, args, results, accounts)) for n in range(args.learners)]
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
        "answers_per_second": round(len(results["acknowledged"]) / elapsed, 1),
        "answer_ms_p50": round(quantile(0.5), 2), "answer_ms_p99": round(quantile(0.99), 2),
        "answer_ms_max": round(latencies[-1] * 1000, 2) if latencies else None,
        "answer_ms_mean": round(statistics.mean(latencies) * 1000, 2) if latencies else None,
        "retries": results["retries"], "errors": len(results["errors"]),
        "learners_finished": results["finished"], "unfinished_learners": len(pending),
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
    parser.add_argument("--accounts", help="a JSON list of [username, password]: sign in as these accounts (a class server)")
    parser.add_argument("--acknowledged", default="acknowledged.json")
    asyncio.run(main(parser.parse_args()))
