"""Fetch faults (issue 6, point 1). Each scenario runs the real pipeline on two claims, one citing a
misbehaving server on 127.0.0.1 and one citing a good page, and checks: the run finishes, the faulty
claim gets the stated failure or verdict, the good claim's result is the one it has with no fault, and
the run's peak traced memory (tracemalloc) stays under a stated bound."""

from __future__ import annotations

import codecs
import socket
import threading
import time
from pathlib import Path

from checker.models import Verdict
from reliability.faults import (
    FAULT_QUOTE,
    MiB,
    REMARKS,
    RawServer,
    assert_bounded,
    assert_good_unaffected,
    gzip_bomb_member,
    page,
    read_request,
    serving,
    with_fault,
)
from reliability.scenarios import Outcome, scenario
from support import reply

BOUND_MIB = 32  # every fetch-fault run: the whole pipeline's peak traced memory stays under this


def _unavailable(run, status_detail: str, bound: float = BOUND_MIB) -> Outcome:
    """The common ending: the faulty claim is source_unavailable with exactly `status_detail`."""
    assert run.faulty.verdict is Verdict.SOURCE_UNAVAILABLE, run.faulty.reason
    assert run.status() == status_detail
    assert_good_unaffected(run)
    assert_bounded(run, bound)
    return Outcome(f"source_unavailable ({status_detail}); other claim supported; "
                   f"{run.seconds:.1f} s, peak {run.peak_mib:.1f} MiB")


def _verdict(run, verdict: Verdict, note: str = "", bound: float = BOUND_MIB) -> Outcome:
    assert run.faulty.verdict is verdict, (run.faulty.verdict, run.faulty.reason)
    assert_good_unaffected(run)
    assert_bounded(run, bound)
    return Outcome(f"{verdict.value}{f' ({note})' if note else ''}; other claim supported; "
                   f"{run.seconds:.1f} s, peak {run.peak_mib:.1f} MiB")


def _silent(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    stop.wait(10)


@scenario("never answers", tried="server accepts and reads the request, then says nothing (read timeout 0.3 s, 2 retries)")
def never_answers(tmp: Path) -> Outcome:
    with serving({}) as good, RawServer(_silent) as silent:
        run = with_fault(tmp, silent.url("/page"), good)
    return _unavailable(run, "error: timed out reading after 3 tries")


@scenario("never accepts", tried="listening socket, backlog 0, never accept()s, queue filled first (connect timeout 0.3 s)")
def never_accepts(tmp: Path) -> Outcome:
    with serving({}) as good, RawServer(accept=False) as deaf:
        filled = deaf.fill_backlog()
        run = with_fault(tmp, deaf.url("/page"), good)
    outcome = _unavailable(run, "error: timed out connecting after 3 tries")
    return Outcome(f"{outcome.outcome}; {filled} connection(s) filled the queue first", outcome.lost)


def _trickle_body(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000000\r\n\r\n")
    while not stop.is_set():
        conn.sendall(b"a")
        stop.wait(0.05)


@scenario("trickles forever", tried="200, Content-Length 1e9, then one byte every 0.05 s forever (read timeout 0.3 s never hit; deadline 1 s)")
def trickles_forever(tmp: Path) -> Outcome:
    with serving({}) as good, RawServer(_trickle_body) as trickle:
        run = with_fault(tmp, trickle.url("/page"), good)
    assert run.seconds < 3
    return _unavailable(run, "error: no complete answer within the 1 s deadline")


def _trickle_headers(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
    while not stop.is_set():
        conn.sendall(b"a")
        stop.wait(0.05)


@scenario("trickles its headers", tried="a header line growing by one byte every 0.05 s forever (deadline 1 s)")
def trickles_headers(tmp: Path) -> Outcome:
    with serving({}) as good, RawServer(_trickle_headers) as trickle:
        run = with_fault(tmp, trickle.url("/page"), good)
    assert run.seconds < 3
    return _unavailable(run, "error: no complete answer within the 1 s deadline")


def _sequence(*answers: tuple[int, dict, bytes]):
    """A route giving each (status, headers, body) in turn, the last from then on."""
    calls = iter(answers)

    def route(handler) -> None:
        status, headers, body = next(calls, answers[-1])
        reply(handler, status, body, {"Content-Type": "text/html; charset=utf-8", **headers})
    return route


FAULT_PAGE = page().encode("utf-8")


@scenario("429 with Retry-After", tried="429 Retry-After: 2, then 200")
def rate_limited(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((429, {"Retry-After": "2"}, b""), (200, {}, FAULT_PAGE))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
        hits = server.hits.count("/page")
    assert run.waits == [2.0] and hits == 2
    outcome = _verdict(run, Verdict.SUPPORTED, "waited the 2 s asked, then read")
    return Outcome(outcome.outcome)


@scenario("429 absurd Retry-After", tried="429 Retry-After: 86400 (limit 5 s)")
def rate_limited_absurdly(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((429, {"Retry-After": "86400"}, b""))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
        hits = server.hits.count("/page")
    assert run.waits == [] and hits == 1
    return _unavailable(run, "error: HTTP 429; its Retry-After of 86400 s is over the 5 s limit")


@scenario("503 flapping", tried="503, 503, then 200")
def flapping(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((503, {}, b""), (503, {}, b""), (200, {}, FAULT_PAGE))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
    assert run.waits == [0.01, 0.02]
    return _verdict(run, Verdict.SUPPORTED, "read on the third try")


@scenario("500 always", tried="500 on every request")
def always_500(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((500, {}, b"Internal Server Error"))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
        hits = server.hits.count("/page")
    assert hits == 3
    return _unavailable(run, "error: HTTP 500 after 3 tries")


@scenario("redirect loop", tried="/page -> /page2 -> /page -> ...")
def redirect_loop(tmp: Path) -> Outcome:
    routes = {"/page": _sequence((302, {"Location": "/page2"}, b"")),
              "/page2": _sequence((302, {"Location": "/page"}, b""))}
    with serving(routes) as server:
        run = with_fault(tmp, server.url("/page"), server)
    return _unavailable(run, "error: more than 5 redirects")


@scenario("redirect to metadata address", tried="302 to http://169.254.169.254/latest/meta-data/")
def redirect_to_metadata(tmp: Path) -> Outcome:
    routes = {"/page": _sequence((302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""))}
    with serving(routes) as server:
        run = with_fault(tmp, server.url("/page"), server)
    return _unavailable(run, "refused: 169.254.169.254 resolves to a non-public address (169.254.169.254); "
                             "allow private addresses to fetch it")


@scenario("body over the cap", tried="200 with a 3 MiB body (cap 1 MiB)")
def body_over_cap(tmp: Path) -> Outcome:
    big = page(REMARKS * 20000).encode("utf-8")
    assert len(big) > 3 * MiB
    with serving({"/page": _sequence((200, {}, big))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
    return _unavailable(run, "error: body larger than the 1,048,576-byte limit")


def _gzip_bomb(member: bytes, copies: int):
    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        read_request(conn)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                     b"Content-Length: " + str(len(member) * copies).encode() + b"\r\n\r\n")
        for _ in range(copies):
            if stop.is_set():
                return
            conn.sendall(member)
    return behaviour


@scenario("gzip bomb", tried="Content-Encoding: gzip, 10 MB on the wire inflating to 10 GiB of zeros (cap 1 MiB)")
def gzip_bomb(tmp: Path) -> Outcome:
    member = gzip_bomb_member(64)
    copies = 160  # 160 gzip members of 64 MiB each: 10 GiB decoded
    with serving({}) as good, RawServer(_gzip_bomb(member, copies)) as bomb:
        run = with_fault(tmp, bomb.url("/page"), good)
    outcome = _unavailable(run, "error: body larger than the 1,048,576-byte limit", bound=16)
    return Outcome(f"{outcome.outcome} (bound 16 MiB)")


def _cp1252_page(content_type: str):
    def route(handler) -> None:
        reply(handler, 200, page().encode("cp1252"), {"Content-Type": content_type})
    return route


@scenario("wrong charset", tried="page encoded in cp1252 (curly quotes, dashes) labelled charset=utf-8")
def wrong_charset(tmp: Path) -> Outcome:
    quote = REMARKS[2].split(". ")[0] + "."  # "There’s — there’s something I’ve always — ..."
    with serving({"/page": _cp1252_page("text/html; charset=utf-8")}) as server:
        run = with_fault(tmp, server.url("/page"), server, quote=quote)
    return _verdict(run, Verdict.SUPPORTED, "read as cp1252 once UTF-8 fails")


@scenario("missing charset", tried="page encoded in cp1252, Content-Type text/html with no charset, no meta")
def missing_charset(tmp: Path) -> Outcome:
    quote = REMARKS[2].split(". ")[0] + "."
    with serving({"/page": _cp1252_page("text/html")}) as server:
        run = with_fault(tmp, server.url("/page"), server, quote=quote)
    return _verdict(run, Verdict.SUPPORTED, "read as cp1252 once UTF-8 fails")


def _truncated(conn: socket.socket, stop: threading.Event) -> None:
    read_request(conn)
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 100000\r\n\r\n"
                 + FAULT_PAGE[:400])


@scenario("truncated body", tried="Content-Length: 100000, 400 bytes sent, connection closed")
def truncated_body(tmp: Path) -> Outcome:
    with serving({}) as good, RawServer(_truncated) as server:
        run = with_fault(tmp, server.url("/page"), good)
    return _unavailable(run, "error: body cut short: the connection closed before its end after 3 tries")


CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<noscript>Enable JavaScript and cookies to continue</noscript></body></html>")


@scenario("bot challenge with 200", tried="200 OK whose body is a Cloudflare 'Just a moment...' page")
def bot_challenge(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((200, {}, CHALLENGE))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
    assert len(run.cassettes) == 1 and run.cassettes[0].startswith("good-")  # the challenge is not recorded
    return _unavailable(run, 'blocked: bot challenge page instead of content (Cloudflare "Just a moment...")')


@scenario("empty body", tried="200 OK, text/html, zero bytes")
def empty_body(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((200, {}, b""))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
    return _verdict(run, Verdict.NOT_FOUND, run.faulty.reason)


@scenario("PDF that is not a PDF", tried="application/pdf whose bytes are an HTML page")
def fake_pdf(tmp: Path) -> Outcome:
    with serving({"/page": _sequence((200, {"Content-Type": "application/pdf"}, FAULT_PAGE))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
    check = run.faulty.sources[0]
    assert (run.faulty.verdict, check.status) == (Verdict.SOURCE_UNAVAILABLE, "error")
    assert check.detail.startswith(f"cannot read PDF ({server.url('/page')}): "), check.detail
    assert_good_unaffected(run)
    assert_bounded(run, BOUND_MIB)
    return Outcome(f"source_unavailable (error: {check.detail}); other claim supported; "
                   f"{run.seconds:.1f} s, peak {run.peak_mib:.1f} MiB")


@scenario("malformed XML", tried="application/xml, unclosed elements and a stray '&' around the quoted text")
def malformed_xml(tmp: Path) -> Outcome:
    body = (f"<?xml version='1.0'?><release><title>Remarks & more</title><p>{REMARKS[1]}<p>{REMARKS[2]}"
            "</release>").encode("utf-8")
    with serving({"/page": _sequence((200, {"Content-Type": "application/xml"}, body))}) as server:
        run = with_fault(tmp, server.url("/page"), server)
    return _verdict(run, Verdict.SUPPORTED, "read by lxml's recovering parser")


@scenario("deeply nested HTML", tried="the quoted paragraph inside 100,000 nested <div>s (1.1 MB; cap raised to 4 MiB)")
def deep_nesting(tmp: Path) -> Outcome:
    depth = 100_000
    body = ("<!doctype html><html><head><title>Remarks</title></head><body>" + "<div>" * depth
            + f"<p>{REMARKS[1]}</p>" + "</div>" * depth + "</body></html>").encode("utf-8")
    with serving({"/page": _sequence((200, {}, body))}) as server:
        run = with_fault(tmp, server.url("/page"), server, memory="rss", max_bytes=4 * MiB)
    assert run.seconds < 10
    outcome = _verdict(run, Verdict.SUPPORTED, "found inside the nesting", bound=256)
    return Outcome(outcome.outcome.replace("peak", "peak RSS growth") + " (bound 256 MiB)")
