"""Browser test of the gateway's dashboard (docs/gateway.md "Dashboard"): headless Chromium driven by Selenium
against the real executables started by `marquee up` on free ports in a temporary directory. A requester submits
an incomplete request and sees what is missing, completes it; marketing ops assigns it; the specialist builds it;
the requester approves the build; a QA reviewer records the checklist; the approver signs it off, and the launch
station schedules it. Meanwhile a second browser keeps the board open: it must follow every step live, without
reloading. Screenshots go to $MARQUEE_ARTIFACTS (or a temporary directory)."""
import datetime
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

import pytest

BIN_DIR = os.environ.get("MARQUEE_BIN_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None, reason="chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")


def free_base_port():
    """A base port P whose stack ports (P+1…P+4, P+80…P+99) are all free now."""
    for _ in range(50):
        base = random.randrange(20000, 40000, 100)
        try:
            for port in list(range(base + 1, base + 5)) + list(range(base + 80, base + 100)):
                with socket.socket() as s:
                    s.bind(("127.0.0.1", port))
            return base
        except OSError:
            continue
    raise RuntimeError("no free port range")


def wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout} s waiting for {message}")


@pytest.fixture()
def artifacts():
    directory = os.environ.get("MARQUEE_ARTIFACTS") or tempfile.mkdtemp(prefix="marquee-py-dash-shots-")
    os.makedirs(directory, exist_ok=True)
    return directory


@pytest.fixture()
def stack(artifacts):
    """`marquee up` without demo campaigns; yields the gateway URL and every user's one-time password. The stack's
    logs are kept with the artifacts."""
    directory = tempfile.mkdtemp(prefix="marquee-py-dash-")
    base = free_base_port()
    output_path = os.path.join(directory, "up.out")
    output = open(output_path, "w")
    process = subprocess.Popen(
        [os.path.join(BIN_DIR, "marquee"), "up", "--var", os.path.join(directory, "var"), "--base-port", str(base),
         "--no-demo", "--qa-replicas", "1", "--bin", BIN_DIR],
        stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        def text():
            with open(output_path) as f:
                return f.read()
        wait_for(lambda: "marquee up: running" in text() or process.poll() is not None, 240, "marquee up to run")
        assert process.poll() is None, text()
        log = os.path.join(directory, "var", "logs", "marquee-gateway.log")

        def passwords():
            if not os.path.exists(log):
                return None
            with open(log) as f:
                found = dict(re.findall(r"marquee-gateway user (\S+) one-time password (\S+)", f.read()))
            return found if "mia" in found else None
        yield {"url": f"http://127.0.0.1:{base + 88}", "passwords": wait_for(passwords, 60, "the gateway's users")}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        output.close()
        shutil.copytree(os.path.join(directory, "var", "logs"), os.path.join(artifacts, "logs"), dirs_exist_ok=True)
        shutil.copy(output_path, os.path.join(artifacts, "logs", "marquee-up.out"))
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture()
def browsers():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    started = []

    def launch(width=1280, height=900):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         f"--window-size={width},{height}"]:
            options.add_argument(argument)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.implicitly_wait(0)
        started.append(driver)
        return driver
    yield launch
    for driver in started:
        driver.quit()


def save_pages(pages, artifacts):
    """Saves every open browser's page (screenshot and HTML) with the artifacts, to see why a step failed."""
    for index, page in enumerate(pages):
        try:
            page.shot(f"failure-{index}")
            with open(os.path.join(artifacts, f"failure-{index}.html"), "w") as f:
                f.write(page.driver.current_url + "\n" + page.driver.page_source)
        except Exception:  # the browser itself may be what failed
            pass


class Dashboard:
    """One browser on the dashboard."""

    def __init__(self, driver, url, passwords, artifacts):
        self.driver, self.url, self.passwords, self.artifacts = driver, url, passwords, artifacts

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def sign_in(self, user, next_path="/"):
        self.driver.delete_all_cookies()
        self.driver.get(f"{self.url}{next_path}")
        assert "/login?next=" in self.driver.current_url, "signed out, a page sends you to sign in"
        self.find("#user").send_keys(user)
        self.find("#password").send_keys(self.passwords[user])
        self.find("form[action='/login'] button").click()
        wait_for(lambda: "/login" not in self.driver.current_url, 30, f"{user} to be signed in")

    def press(self, css):
        """Clicks the button `css` and waits for the page it leads to. A live update may replace the button just
        before the click: then it is found again."""
        from selenium.common.exceptions import StaleElementReferenceException
        self.driver.execute_script("window.__beforePress = true;")
        for _ in range(5):
            try:
                wait_for(lambda: self.all(css), 30, css)[0].click()
                break
            except StaleElementReferenceException:
                continue
        wait_for(lambda: self.driver.execute_script(
            "return window.__beforePress === undefined && document.readyState === 'complete';"), 30, f"the page after {css}")

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.artifacts, f"{name}.png"))

    def command(self, campaign, command, user):
        """Signs `user` in on the campaign page and presses the button of `command`."""
        self.sign_in(user, f"/campaigns/{campaign}")
        self.press(f"button[data-command='{command}']")
        alerts = [a.text for a in self.all(".notice.error")]
        assert not alerts, f"{command} by {user} was refused: {alerts}"
        assert self.driver.current_url.endswith(f"/campaigns/{campaign}"), self.driver.current_url


def test_a_request_goes_from_the_form_to_launch_while_the_board_follows_live(stack, browsers, artifacts):
    actor = Dashboard(browsers(), stack["url"], stack["passwords"], artifacts)
    watcher = Dashboard(browsers(), stack["url"], stack["passwords"], artifacts)
    try:
        walk_the_line(actor, watcher, stack, browsers, artifacts)
    except BaseException:
        save_pages([actor, watcher], artifacts)
        raise


def walk_the_line(actor, watcher, stack, browsers, artifacts):

    watcher.sign_in("olga")
    watcher.driver.execute_script("window.__notReloaded = true;")

    actor.sign_in("ana", "/requests/new")
    actor.find("#f-title").send_keys("Winter webinar")
    actor.find("#f-goal").send_keys("200 sign-ups")
    wait_for(lambda: "Audience" in actor.find("#mvp-missing").text, 15, "the inline MVP check to list what is missing")
    actor.shot("01-request-inline-check")
    actor.press("#request-form button[type='submit']")
    assert actor.driver.current_url.endswith("/requests"), "the server re-rendered the form"
    missing = actor.find("#mvp-missing").text
    for item in ["Objective", "Audience", "Key message", "Channels", "Launch date"]:
        assert item in missing, missing
    assert "Goal" not in missing
    actor.shot("02-request-missing-items")

    from selenium.webdriver.support.ui import Select
    Select(actor.find("#objective")).select_by_value("conversion")
    actor.find("#f-audience").send_keys("EU admins")
    actor.find("#f-key_message").send_keys("Save an hour a day")
    actor.find("input[name='channels'][value='email']").click()
    launch = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    actor.find("#f-launch_date").send_keys(launch)
    wait_for(lambda: "Complete" in actor.find("#mvp-status").text, 15, "the inline check to find nothing missing")
    actor.press("#request-form button[type='submit']")
    wait_for(lambda: re.search(r"/campaigns/(cmp-[\w-]+)$", actor.driver.current_url), 30, "the campaign page")
    campaign = re.search(r"/campaigns/(cmp-[\w-]+)$", actor.driver.current_url).group(1)
    actor.shot("03-campaign-submitted")

    def on_board(stage):
        return watcher.all(f"section[data-stage='{stage}'] li[data-campaign-id='{campaign}']")
    wait_for(lambda: on_board("triaged"), 30, "the board to show the request as triaged")
    assert watcher.find(f"li[data-campaign-id='{campaign}'] .badge").get_attribute("data-sla") in ("on_time", "due_soon")
    watcher.shot("04-board-triaged")

    actor.sign_in("olga", f"/campaigns/{campaign}")
    Select(actor.find("#assign-specialist")).select_by_value("sam")
    actor.press("button[data-command='assign']")
    wait_for(lambda: on_board("assigned"), 30, "the board to show the assignment")

    for command, user, stage in [("start_build", "sam", "building"), ("submit_for_self_review", "sam", "self_review"),
                                 ("send_to_requester", "sam", "requester_review")]:
        actor.command(campaign, command, user)
        wait_for(lambda: on_board(stage), 30, f"the board to show {stage}")
    actor.command(campaign, "approve_as_requester", "ana")
    actor.command(campaign, "request_qa", "sam")
    wait_for(lambda: on_board("qa_requested"), 30, "the board to show QA requested")
    watcher.shot("05-board-qa-requested")

    actor.sign_in("quinn", f"/campaigns/{campaign}/qa")
    actor.shot("06-qa-checklist")
    actor.press("button[data-command='record_qa']")
    assert not actor.all(".notice.error"), actor.find(".notice.error").text
    assert actor.driver.current_url.endswith(f"/campaigns/{campaign}"), actor.driver.current_url
    wait_for(lambda: on_board("in_approval"), 30, "the approvals station to start the approvals")

    actor.sign_in("mia", "/approvals")
    wait_for(lambda: actor.all(f"li[data-campaign-id='{campaign}']"), 30, "the approvals inbox to list the step")
    actor.shot("07-approvals-inbox")
    actor.command(campaign, "decide_approval", "mia")
    wait_for(lambda: on_board("scheduled"), 60, "the launch station to schedule it")
    watcher.shot("08-board-scheduled")
    assert watcher.driver.execute_script("return window.__notReloaded === true;"), "the board was reloaded"

    history = actor.find("#history").text
    for fact in ["submitted", "specialist_assigned", "build_started", "qa_recorded", "approval_recorded", "scheduled"]:
        assert fact in history, history
    actor.shot("09-campaign-history")

    actor.sign_in("lena", "/ops")
    tail = actor.find("#tail-lines").text
    assert "campaign.fact.scheduled" in tail and campaign in tail, tail
    assert "gateway" in actor.find("#lag").text, actor.find("#lag").text
    actor.shot("10-ops")

    phone = Dashboard(browsers(390, 844), stack["url"], stack["passwords"], artifacts)
    phone.sign_in("ana")
    assert phone.driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1;"), \
        "the board fits a phone's width"
    phone.shot("11-board-phone")


def test_the_chat_page_answers_in_place_on_a_phone(stack, browsers, artifacts):
    """On a phone-sized screen, a message typed on the chat page goes to marquee-assistant (which `marquee up` gave
    the gateway) and the exchange is appended to the log without a reload; the page never scrolls sideways."""
    from selenium.webdriver.common.keys import Keys
    phone = Dashboard(browsers(390, 844), stack["url"], stack["passwords"], artifacts)
    try:
        phone.sign_in("ana", "/assistant")
        assert phone.find("label[for='chat-text']").text == "Message"
        phone.driver.execute_script("window.__notReloaded = true;")
        phone.find("#chat-text").send_keys("who approves Spring Sale")
        phone.find("#chat-text").send_keys(Keys.TAB)  # the keyboard reaches Send next
        phone.driver.switch_to.active_element.send_keys(Keys.ENTER)
        wait_for(lambda: phone.all("#chat-log li .chat-reply .chat-text"), 30, "the assistant's reply")
        assert phone.driver.execute_script("return window.__notReloaded === true;"), "appended without a reload"
        assert phone.find("#chat-log li .chat-you .chat-text").text == "who approves Spring Sale"
        assert phone.find("#chat-log li .chat-reply .chat-text").text.strip()
        assert phone.find("#chat-text").get_attribute("value") == ""
        assert not phone.all("#chat-empty")
        assert phone.driver.execute_script(
            "return document.documentElement.scrollWidth <= window.innerWidth;"), "no sideways scrolling"
        phone.shot("chat-phone")
        phone.driver.refresh()
        wait_for(lambda: phone.all("#latest .chat-reply"), 10, "the kept exchange after a reload")
    except Exception:
        save_pages([phone], artifacts)
        raise


def api(stack, method, path, user, body=None):
    """`method path` as `user`, signed in by a cookie session with its CSRF token; (status, parsed JSON body)."""
    def call(method, path, body, headers):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{stack['url']}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()
    status, headers, answer = call("POST", "/api/session", {"user": user, "password": stack["passwords"][user]}, {})
    assert status == 200, answer
    session = {"Cookie": headers["Set-Cookie"].split(";")[0], "X-CSRF-Token": json.loads(answer)["csrf_token"]}
    status, _, answer = call(method, path, body, session)
    return status, json.loads(answer) if answer else None


def test_the_inbox_shows_what_notify_routed_to_it(stack, browsers, artifacts):
    """Through the whole stack: marketing ops assigns a request to sam, marquee-notify publishes sam's
    `notification.inbox`, the gateway folds it, and sam's inbox and navigation show it until he marks it read."""
    request = {"title": "Inbox check", "type": "other", "objective": "conversion",
               "brief": {"goal": "200 sign-ups", "audience": "EU admins", "key_message": "Save an hour",
                         "channels": ["email"], "launch_date": "2030-12-08"}}
    status, answer = api(stack, "POST", "/api/campaigns", "ana", request)
    assert status == 201, answer
    campaign = answer["campaign_id"]
    status, answer = api(stack, "POST", f"/api/campaigns/{campaign}/commands", "olga",
                         {"type": "assign", "specialist": "sam"})
    assert status == 200, answer

    def assignment():
        items = api(stack, "GET", "/api/inbox", "sam")[1]["items"]
        return next((item for item in items if item["campaign_id"] == campaign and item["kind"] == "assignment"), None)
    item = wait_for(assignment, 60, "sam's assignment notification")
    assert "read_at" not in item and "Inbox check" in item["title"]
    page = Dashboard(browsers(390, 844), stack["url"], stack["passwords"], artifacts)
    try:
        page.sign_in("sam", "/inbox")
        assert page.find("nav a[href='/inbox'] .count").text.startswith("1")
        page.shot("inbox-phone")
        page.press(f"li[data-notification-id='{item['id']}'] form button")
        assert not page.all("nav a[href='/inbox'] .count"), "nothing unread"
    except Exception:
        save_pages([page], artifacts)
        raise
    assert api(stack, "GET", "/api/inbox", "sam")[1]["unread"] == 0
