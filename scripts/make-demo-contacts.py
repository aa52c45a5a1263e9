#!/usr/bin/env python3
"""Writes campaigns/demo/contacts.csv: ~200 contacts with the flaws real CRM exports have.

Deterministic (fixed seed). Needs the `phonenumbers` package from PyPI to pick valid numbers.
Flaws included on purpose: invalid and missing numbers, Excel-damaged numbers (scientific
notation, lost leading '+'), duplicates written differently, a do-not-call number, names with
quotes and commas, several countries and time zones.
"""
import csv
import os
import random

import phonenumbers

random.seed(20261126)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, "campaigns", "demo", "contacts.csv")

first = ["Asha", "Rahul", "Priya", "Vikram", "Sneha", "Arjun", "Kavya", "Rohan", "Meera", "Aditya",
         "Ananya", "Karan", "Divya", "Siddharth", "Pooja", "Nikhil", "Isha", "Manish", "Neha", "Varun",
         "Emma", "Liam", "Olivia", "Noah", "Fatima", "Omar", "Wei", "Mei", "Jack", "Chloe"]
last = ["Sharma", "Verma", "Iyer", "Reddy", "Nair", "Gupta", "Patel", "Khan", "Das", "Menon",
        "Smith", "Jones", "Brown", "Al Mansoori", "Tan", "Lim", "Wilson", "O'Brien", "Müller", "Costa"]
plans = ["Gold", "Silver", "Platinum", "Basic"]
cities = {"IN": ["Mumbai", "Bengaluru", "Delhi", "Chennai", "Pune", "Kolkata"],
          "US": ["New York", "San Francisco", "Chicago"], "GB": ["London", "Manchester"],
          "AE": ["Dubai", "Abu Dhabi"], "SG": ["Singapore"], "AU": ["Sydney", "Perth"],
          "DE": ["Berlin", "Munich"]}


def random_mobile(region):
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    national = str(example.national_number)
    while True:
        digits = national[:3] + "".join(random.choice("0123456789") for _ in national[3:])
        number = phonenumbers.parse("+%d%s" % (example.country_code, digits))
        if phonenumbers.is_valid_number(number):
            return number


def written(number, region, style):
    """The number as a person or a CRM would have typed it."""
    if style == "national" and region == "IN":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    if style == "plain" and region == "IN":
        return str(number.national_number)
    if style == "00":
        return "00" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)[1:]
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


rows = []
regions = ["IN"] * 14 + ["US", "US", "GB", "GB", "AE", "SG", "AU", "DE"]
for i in range(180):
    region = random.choice(regions)
    number = random_mobile(region)
    style = random.choice(["national", "plain", "intl", "00"]) if region == "IN" else random.choice(["intl", "00"])
    name = "%s %s" % (random.choice(first), random.choice(last))
    timezone = ""
    if region == "US":
        timezone = random.choice(["America/New_York", "America/Los_Angeles", "America/Chicago"])
    elif region == "AU" and random.random() < 0.5:
        timezone = "Australia/Perth"
    rows.append({"name": name, "phone": written(number, region, style), "city": random.choice(cities[region]),
                 "plan": random.choice(plans), "due_amount": "%d.%02d" % (random.randint(200, 9000), random.randint(0, 99)),
                 "timezone": timezone, "_e164": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)})

# Duplicates: the same number again, written differently, sometimes under another name.
for source in random.sample(rows[:120], 6):
    duplicate = dict(source)
    duplicate["phone"] = duplicate["_e164"] if not source["phone"].startswith("+") else source["phone"].replace(" ", "-")
    rows.append(duplicate)

# Excel damage: scientific notation and a lost leading '+'.
india = [r for r in rows[:180] if r["_e164"].startswith("+91")]
for source in india[:3]:
    damaged = dict(source)
    digits = source["_e164"][1:]
    damaged["phone"] = "%s.%sE+%d" % (digits[0], digits[1:6], len(digits) - 1)
    damaged["name"] = source["name"] + " (Excel)"
    rows.append(damaged)
lost_plus = {"name": "Farhan Qureshi", "city": "Dubai", "plan": "Gold", "due_amount": "1200.00", "timezone": ""}
lost_plus["phone"] = phonenumbers.format_number(random_mobile("AE"), phonenumbers.PhoneNumberFormat.E164)[1:]
rows.append(lost_plus)

# Invalid and missing numbers.
for name, phone in [("Test Entry", "12345"), ("Unknown", "N/A"), ("Blank Number", ""),
                    ("Too Long", "+91 98765 43210 99"), ("Letters", "call me later"),
                    ("Wrong Country", "+999 1234 5678"), ("Landline Typo", "022-1234")]:
    rows.append({"name": name, "phone": phone, "city": "Mumbai", "plan": "Basic", "due_amount": "0", "timezone": ""})

# The do-not-call number the demo simulator blocks.
rows.append({"name": "Do Not Disturb", "phone": "+91 98200 00001", "city": "Mumbai", "plan": "Silver",
             "due_amount": "450.00", "timezone": ""})
# Hostile but valid text in names and variables.
rows.append({"name": 'Robert "Bobby" Tables, Jr.', "phone": written(random_mobile("IN"), "IN", "national"),
             "city": "=HYPERLINK(\"http://x\")", "plan": "Gold'; DROP TABLE contacts;--", "due_amount": "99.00", "timezone": ""})

random.shuffle(rows)
with open(out, "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\r\n")
    writer.writerow(["name", "phone", "city", "plan", "due_amount", "timezone"])
    for r in rows:
        writer.writerow([r["name"], r["phone"], r["city"], r["plan"], r["due_amount"], r["timezone"]])
print("wrote %d contacts to %s" % (len(rows), out))
