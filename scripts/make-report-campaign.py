#!/usr/bin/env python3
"""Fills a vaani-dialer database with a finished campaign of realistic results, for the export
benchmark and the report screenshot.

The database must already carry the schema (run any vaani-dialer command against it first, e.g.
`vaani-dialer list --db PATH`). Contacts come from several countries and time zones; each is
dialed up to three times with answer odds that follow the contact's local hour; answered calls get
a duration, cost, disposition, summary, entity and transcript; a few contacts end invalid, DND,
unknown, waiting for a redial or never dialed (the campaign is paused for insufficient balance); a few names are hostile (markup, formulas).

usage: make-report-campaign.py --db PATH --name NAME --contacts N [--seed S]
"""
import argparse
import json
import random
import sqlite3
import sys
import uuid

START_MS = 1_780_000_000_000  # 2026-05-28T20:26:40Z

COUNTRIES = [
    # weight, country code, national digits, zone, fixed UTC offset in minutes (for the odds only)
    (60, "91", 10, "Asia/Kolkata", 330, ["Mumbai", "Delhi", "Pune", "Bengaluru", "Chennai", "Kolkata"]),
    (18, "1", 10, "America/New_York", -240, ["New York", "Boston", "Atlanta"]),
    (6, "1", 10, "America/Los_Angeles", -420, ["San Jose", "Seattle", "Los Angeles"]),
    (8, "44", 10, "Europe/London", 60, ["London", "Leeds", "Manchester"]),
    (5, "971", 9, "Asia/Dubai", 240, ["Dubai", "Abu Dhabi"]),
    (3, "65", 8, "Asia/Singapore", 480, ["Singapore"]),
]
FIRST = ["Asha", "Rahul", "Priya", "Vikram", "Neha", "Arjun", "Meera", "Kiran", "Wei", "Emma", "Liam", "Olivia",
         "Noah", "Fatima", "Omar", "Sofia", "Ravi", "Ananya", "Jose", "Zoë", "Siobhan", "Kwame", "Yuki", "Lakshmi"]
LAST = ["Rao", "Sharma", "Iyer", "Patel", "Khan", "Singh", "Nair", "Brown", "Smith", "O'Brien", "Müller", "Tan",
        "García", "Mensah", "Sato", "Reddy", "Das", "Fernandes", "Chen", "Williams"]
HOSTILE = ["<script>alert('pwned')</script>", "=HYPERLINK(\"http://evil.example\",\"Click\")", "@SUM(A1:A9)",
           "Tom & Jerry <b>Ltd</b>", "-2+3+cmd|' /C calc'!A0"]
PLANS = ["Basic", "Silver", "Gold", "Platinum"]
DISPOSITIONS = [("interested", 34), ("callback_requested", 18), ("already_paid", 16), ("not_interested", 22),
                ("wrong_person", 6), ("do_not_call", 4)]
PRICE_PER_MINUTE = 2.5


def pick_weighted(rng, items):
    total = sum(weight for _, weight in items)
    roll = rng.uniform(0, total)
    for item, weight in items:
        roll -= weight
        if roll <= 0:
            return item
    return items[-1][0]


def answer_odds(local_hour):
    if 17 <= local_hour <= 20:
        return 0.62
    if 9 <= local_hour <= 16:
        return 0.45
    if 7 <= local_hour <= 8 or 21 <= local_hour <= 22:
        return 0.30
    return 0.12


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--contacts", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    uuid_rng = random.Random(args.seed + 1)

    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = ON")
    cursor = db.execute(
        "INSERT INTO campaigns (name, agent_id, settings, status, created_at, updated_at)"
        " VALUES (?, 'agent-renewals', ?, 'paused', ?, ?)",
        (args.name, json.dumps({"maxAttempts": 3, "defaultTimeZone": "Asia/Kolkata"}), START_MS - 3_600_000,
         START_MS + 40 * 3_600_000))
    campaign_id = cursor.lastrowid
    country_weights = [(country, country[0]) for country in COUNTRIES]
    spacing_ms = max(1, (30 * 3_600_000) // max(args.contacts, 1))  # first calls spread over 30 hours
    contacts, attempts = [], []
    contact_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM contacts").fetchone()[0]
    used_numbers = set()

    def flush():
        db.executemany(
            "INSERT INTO contacts (id, campaign_id, \"row_number\", name, phone_e164, region, timezone, variables,"
            " status, attempts, next_attempt_at, last_error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", contacts)
        db.executemany(
            "INSERT INTO attempts (id, contact_id, campaign_id, number, started_at, request_sent_at, call_id, outcome,"
            " call_status, duration_ms, summary, disposition, entity, cost, transcript, error, ended_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", attempts)
        contacts.clear()
        attempts.clear()

    for index in range(args.contacts):
        contact_id += 1
        _, code, digits, zone, offset, cities = pick_weighted(rng, country_weights)
        if args.contacts <= 200_000:
            while True:
                phone = "+" + code + str(rng.randint(6 * 10 ** (digits - 1), 10 ** digits - 1))
                if phone not in used_numbers:
                    used_numbers.add(phone)
                    break
        else:
            # Large campaigns: unique by construction, without a set of a million numbers.
            phone = "+" + code + str(7 * 10 ** (digits - 1) + index)[-digits:]
        if rng.random() < 0.004:
            name = rng.choice(HOSTILE)
        else:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        plan = rng.choice(PLANS)
        variables = json.dumps({"city": rng.choice(cities), "plan": plan,
                                "due_amount": f"{rng.uniform(200, 9000):.2f}"}, ensure_ascii=False)
        region = {"91": "IN", "1": "US", "44": "GB", "971": "AE", "65": "SG"}[code]
        first_call = START_MS + index * spacing_ms + rng.randint(0, 59_000)
        fate = rng.random()
        status, count, next_at, last_error = None, 0, None, None
        if fate < 0.03:
            status = "pending"
        elif fate < 0.045:
            count = 1
            status = "invalid"
            last_error = "422: contact_number is not a valid E.164 number"
            attempts.append((str(uuid.UUID(int=uuid_rng.getrandbits(128))), contact_id, campaign_id, 1, first_call,
                             first_call, None, None, None, None, None, None, None, None, None, last_error,
                             first_call + 180))
        elif fate < 0.055:
            count = 1
            status = "dnd"
            last_error = "403: destination is in the DND registry"
            attempts.append((str(uuid.UUID(int=uuid_rng.getrandbits(128))), contact_id, campaign_id, 1, first_call,
                             first_call, None, None, None, None, None, None, None, None, None, last_error,
                             first_call + 150))
        else:
            started = first_call
            for number in (1, 2, 3):
                count = number
                local_hour = ((started // 60_000 + offset) // 60) % 24
                call_id = f"call-{campaign_id}-{contact_id}-{number}"
                attempt_id = str(uuid.UUID(int=uuid_rng.getrandbits(128)))
                if rng.random() < answer_odds(local_hour):
                    duration = int(min(900_000, max(8_000, rng.lognormvariate(11.3, 0.7))))
                    disposition = pick_weighted(rng, DISPOSITIONS)
                    cost = round(duration / 60_000 * PRICE_PER_MINUTE, 2)
                    summary = {
                        "interested": f"{name} wants to renew the {plan} plan and asked for the payment link.",
                        "callback_requested": f"{name} asked to be called back tomorrow evening.",
                        "already_paid": f"{name} says the {plan} renewal was paid last week.",
                        "not_interested": f"{name} does not want to renew.",
                        "wrong_person": "The person who answered is not the account holder.",
                        "do_not_call": f"{name} asked not to be called again.",
                    }[disposition]
                    entity = json.dumps({"plan": plan, "will_renew": disposition == "interested"})
                    transcript = (f"Agent: Hello, am I speaking with {name}?\nContact: Yes, speaking.\n"
                                  f"Agent: I'm calling about your {plan} plan renewal.\nContact: {summary}")
                    attempts.append((attempt_id, contact_id, campaign_id, number, started, started, call_id,
                                     "completed", "completed", duration, summary, disposition, entity, cost,
                                     transcript, None, started + 20_000 + duration))
                    status = "completed"
                    break
                outcome = pick_weighted(rng, [("no_answer", 62), ("busy", 22), ("failed", 9), ("voicemail", 7)])
                attempts.append((attempt_id, contact_id, campaign_id, number, started, started, call_id, outcome,
                                 outcome, 0, None, None, None, 0.0, None, None, started + 35_000))
                status = outcome
                started += {"no_answer": 30, "busy": 60, "failed": 120, "voicemail": 120}[outcome] * 60_000
                if number < 3 and fate > 0.985:
                    status, next_at = "retry_wait", started
                    break
            if fate > 0.98 and status != "completed" and status != "retry_wait":
                status = "unknown"
        contacts.append((contact_id, campaign_id, index + 2, name, phone, region, zone, variables, status, count,
                         next_at, last_error))
        if len(contacts) >= 50_000:
            flush()
    flush()
    # A few contacts are still pending or waiting: the run stopped when the wallet ran dry.
    db.execute("UPDATE campaigns SET pause_reason = 'insufficient balance' WHERE id = ?", (campaign_id,))
    db.commit()
    total = db.execute("SELECT COUNT(*) FROM contacts WHERE campaign_id = ?", (campaign_id,)).fetchone()[0]
    tried = db.execute("SELECT COUNT(*) FROM attempts WHERE campaign_id = ?", (campaign_id,)).fetchone()[0]
    print(f"campaign {args.name}: {total} contacts, {tried} attempts in {args.db}", file=sys.stderr)


if __name__ == "__main__":
    main()
