"""Real MySQL drivers against `snapdeck serve`, for the end-to-end tests.

Each scenario drives pymysql or mysql-connector-python (pure Python) or a raw socket the way an
operator's script would, and prints one JSON object of what it observed; the Swift tests hold
the expectations. Run: python mysql_clients.py SCENARIO --port P [options].
"""
import argparse
import datetime
import decimal
import json
import socket
import struct
import sys
import threading
import time

import mysql.connector
import pymysql
import pymysql.cursors


def connect(args, **extra):
    return pymysql.connect(host="127.0.0.1", port=args.port, user=args.user,
                           password=args.password, **extra)


def describe(value):
    """A value as [python type name, text]."""
    if value is None:
        return ["NoneType", None]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return [type(value).__name__, value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()]
    if isinstance(value, decimal.Decimal):
        return ["Decimal", str(value)]
    return [type(value).__name__, value]


def scenario_types(args):
    """Column types as pymysql converts them, from a typed table."""
    conn = connect(args, database=args.database)
    with conn.cursor() as cur:
        cur.execute(args.sql)
        rows = [[describe(v) for v in row] for row in cur.fetchall()]
        names = [d[0] for d in cur.description]
    conn.close()
    return {"columns": names, "rows": rows}


def scenario_poll_backup(args):
    """BACKUP, then SHOW BACKUP polled by column name until the job ends, as operators' scripts do."""
    conn = connect(args, database=args.database, cursorclass=pymysql.cursors.DictCursor, autocommit=True)
    started = time.time()
    with conn.cursor() as cur:
        cur.execute(args.sql)
        returned_after = time.time() - started
        states = []
        deadline = time.time() + args.timeout
        row = None
        while time.time() < deadline:
            cur.execute("SHOW BACKUP FROM `%s`" % args.database)
            rows = cur.fetchall()
            row = rows[-1] if rows else None
            if row and (not states or states[-1] != row["State"]):
                states.append(row["State"])
            if row and row["State"] in ("FINISHED", "CANCELLED"):
                break
            time.sleep(0.1)
    conn.close()
    return {"returned_seconds": returned_after, "states": states, "last": row}


def scenario_connector(args):
    """mysql-connector-python in pure mode, asking for caching_sha2_password first."""
    conn = mysql.connector.connect(host="127.0.0.1", port=args.port, user=args.user, password=args.password,
                                   database=args.database, use_pure=True,
                                   auth_plugin="caching_sha2_password")
    cur = conn.cursor()
    cur.execute("SELECT @@version_comment, DATABASE(), CONNECTION_ID()")
    first = [describe(v) for v in cur.fetchone()]
    cur.execute(args.sql)
    rows = [[describe(v) for v in row] for row in cur.fetchall()]
    names = list(cur.column_names)
    version = conn.server_info
    conn.close()
    return {"first": first, "columns": names, "rows": rows, "server_version": version}


def scenario_login(args):
    """One login attempt: the error code and text, or the user the server says we are."""
    try:
        conn = connect(args)
    except pymysql.err.OperationalError as error:
        return {"ok": False, "code": error.args[0], "message": error.args[1]}
    with conn.cursor() as cur:
        cur.execute("SELECT CURRENT_USER()")
        user = cur.fetchone()[0]
    conn.close()
    return {"ok": True, "user": user}


def scenario_concurrent(args):
    """args.clients connections at once, each running args.count statements of args.sql."""
    results = []
    lock = threading.Lock()

    def client(index):
        ok, errors = 0, []
        try:
            conn = connect(args, database=args.database)
            with conn.cursor() as cur:
                for _ in range(args.count):
                    cur.execute(args.sql)
                    cur.fetchall()
                    ok += 1
            conn.close()
        except Exception as error:  # every failure is reported, none is fatal to the others
            errors.append(repr(error))
        with lock:
            results.append({"ok": ok, "errors": errors})

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"clients": len(results), "statements": sum(r["ok"] for r in results),
            "errors": [e for r in results for e in r["errors"]]}


def read_packet(sock):
    header = recv_exactly(sock, 4)
    if header is None:
        return None
    length = header[0] | header[1] << 8 | header[2] << 16
    return header[3], recv_exactly(sock, length)


def recv_exactly(sock, count):
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def error_of(payload):
    if payload and payload[0] == 0xFF:
        code = struct.unpack("<H", payload[1:3])[0]
        return {"code": code, "state": payload[4:9].decode(), "message": payload[9:].decode()}
    return None


def scenario_raw(args):
    """Bad input on raw sockets; each case reports what the server answered."""
    report = {}
    # Garbage instead of a handshake response.
    with socket.create_connection(("127.0.0.1", args.port), timeout=10) as s:
        read_packet(s)
        s.sendall(b"\x05\x00\x00\x01hello" + b"\xff" * 32)
        reply = read_packet(s)
        report["garbage"] = error_of(reply[1]) if reply else "closed"
    # A login packet of a 4.1 client cut short.
    with socket.create_connection(("127.0.0.1", args.port), timeout=10) as s:
        read_packet(s)
        s.sendall(b"\x06\x00\x00\x01\x00\x02\x00\x00\xff\xff")
        reply = read_packet(s)
        report["truncated_login"] = error_of(reply[1]) if reply else "closed"
    # A packet header announcing more than max_allowed_packet.
    with socket.create_connection(("127.0.0.1", args.port), timeout=10) as s:
        read_packet(s)
        s.sendall(b"\xff\xff\xff\x01" + b"x" * 1024)
        reply = read_packet(s)
        report["oversized_handshake"] = error_of(reply[1]) if reply else "closed"
    # A query past max_allowed_packet (64 MiB), in proper 16 MiB packets, after logging in.
    conn = connect(args)
    sock = conn._sock
    payload = b"\x03SELECT '" + b"x" * (64 * 1024 * 1024) + b"'"
    seq = 0
    for start in range(0, len(payload) + 1, 0xFFFFFF):
        chunk = payload[start:start + 0xFFFFFF]
        try:
            sock.sendall(struct.pack("<I", len(chunk))[:3] + bytes([seq]) + chunk)
        except OSError:
            break  # the server may close before the rest arrives
        seq = (seq + 1) % 256
    reply = read_packet(sock)
    report["oversized_query"] = error_of(reply[1]) if reply else "closed"
    sock.close()
    # A 17 MB query and a 17 MB result cross the 16 MiB packet size both ways.
    conn = pymysql.connect(host="127.0.0.1", port=args.port, user=args.user, password=args.password,
                           max_allowed_packet=64 * 1024 * 1024)
    with conn.cursor() as cur:
        cur.execute("SELECT '" + "y" * (17 * 1024 * 1024) + "' AS big")
        report["big_result_length"] = len(cur.fetchone()[0])
    conn.close()
    # A truncated packet, then the client goes away.
    with socket.create_connection(("127.0.0.1", args.port), timeout=10) as s:
        read_packet(s)
        s.sendall(b"\x40\x00\x00\x01\x0d\xa2")
    # Half-closed after a query: the answer still comes.
    conn = connect(args)
    sock = conn._sock
    payload = b"\x03SELECT 42"
    sock.sendall(struct.pack("<I", len(payload))[:3] + b"\x00" + payload)
    sock.shutdown(socket.SHUT_WR)
    packets = []
    while True:
        p = read_packet(sock)
        if p is None:
            break
        packets.append(p[1])
    report["half_closed_rows"] = [p.decode("latin-1") for p in packets if p[:1] == b"\x02"]
    report["half_closed_packets"] = len(packets)
    sock.close()
    # An unknown command keeps the connection.
    conn = connect(args)
    sock = conn._sock
    sock.sendall(b"\x01\x00\x00\x00\x1d")
    report["unknown_command"] = error_of(read_packet(sock)[1])
    sock.sendall(b"\x01\x00\x00\x00\x0e")
    report["ping_after"] = read_packet(sock)[1][:1].hex()
    conn.close()
    # A client that vanishes before reading a large result.
    conn = connect(args)
    sock = conn._sock
    payload = b"\x03" + args.sql.encode()
    sock.sendall(struct.pack("<I", len(payload))[:3] + b"\x00" + payload)
    sock.close()
    # The server still answers a new client.
    conn = connect(args)
    with conn.cursor() as cur:
        cur.execute("SELECT 1")
        report["after"] = cur.fetchone()[0]
    conn.close()
    return report


def scenario_idle(args):
    """A session whose wait_timeout passes: the server ends it with an error packet."""
    conn = connect(args)
    with conn.cursor() as cur:
        cur.execute("SET wait_timeout = %d" % args.count)
    sock = conn._sock
    sock.settimeout(args.timeout)
    started = time.time()
    packet = read_packet(sock)
    report = {"waited": time.time() - started}
    report["error"] = error_of(packet[1]) if packet else None
    report["closed_after"] = read_packet(sock) is None
    return report


def scenario_too_many(args):
    """Holds args.clients connections, then one more."""
    held = [connect(args) for _ in range(args.clients)]
    try:
        connect(args)
        outcome = {"ok": True}
    except pymysql.err.OperationalError as error:
        outcome = {"ok": False, "code": error.args[0], "message": error.args[1]}
    for conn in held:
        conn.close()
    # Once they are gone, a new one gets in.
    deadline = time.time() + args.timeout
    while True:
        try:
            connect(args).close()
            outcome["after"] = True
            break
        except pymysql.err.OperationalError:
            if time.time() > deadline:
                outcome["after"] = False
                break
            time.sleep(0.05)
    return outcome


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--user", default="root")
    parser.add_argument("--password", default="")
    parser.add_argument("--database")
    parser.add_argument("--sql", default="SELECT 1")
    parser.add_argument("--clients", type=int, default=1)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60)
    args = parser.parse_args()
    result = globals()["scenario_" + args.scenario.replace("-", "_")](args)
    json.dump(result, sys.stdout, default=str)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
