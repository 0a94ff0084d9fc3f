// The find-a-centre page in Debian's chromium against the real server process.
// bash tests/run browser  (or here: npm ci && npm test, after dotnet build -c Release of the server)
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { AxePuppeteer } from "@axe-core/puppeteer";
import { DemoServer, launchBrowser } from "./harness.mjs";

const MILES_25_IN_KM = 25 * 1.609344;
let server;
let browser;

before(async () => {
  server = await DemoServer.start();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage({ javaScript = true, width = 1280 } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.setJavaScriptEnabled(javaScript);
  return page;
}

/** A page shown whole: 200, or 304 when the browser revalidated a copy it already held (ETag). */
const shown = (response) => assert.ok([200, 304].includes(response.status()), `HTTP ${response.status()}`);

/** The centres the page lists, as resource names, in order. */
const listed = (page) => page.$$eval("#results li[data-centre]", (items) => items.map((li) => li.dataset.centre));

/** Fills in and sends the search form with the mouse-free page API (no reliance on page script). */
async function searchByForm(page, { type, postcode }) {
  await page.goto(`${server.httpUrl}/find`);
  await page.click(`input[name=type][value=${type}]`);
  await page.type("#postcode", postcode);
  const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
  return response;
}

async function axeSeriousOrCritical(page) {
  const results = await new AxePuppeteer(page).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  assert.ok(results.passes.length > 20, `axe ran its rules on ${page.url()}`);
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("find a centre", () => {
  test("LS1 4AP, supervised: the page lists exactly FindNearestCentres' answer, and a suspended centre disappears", async () => {
    const page = await newPage();
    const response = await searchByForm(page, { type: "supervised", postcode: "LS1 4AP" });
    shown(response);
    assert.match(page.url(), /\/find\/results\?/);
    const expected = await server.findNearest({ postcode: "LS1 4AP", contactType: "CONTACT_TYPE_SUPERVISED", maxDistanceKm: String(MILES_25_IN_KM) });
    assert.ok(expected.length >= 2, `the demo register has supervised centres near LS1 (${expected.length})`);
    assert.deepEqual(await listed(page), expected);

    // NACCC suspends the nearest one's enhanced (supervised) accreditation through the API.
    const [suspended] = expected;
    await server.grpc("contact.v1.RegisterService/RecordAccreditationDecision", {
      centre: suspended, level: "ACCREDITATION_LEVEL_ENHANCED", action: "ACCREDITATION_ACTION_SUSPEND",
      reason: "Browser test: standards concern under investigation",
    }, "naccc");
    const again = await page.reload();
    assert.equal(again.status(), 200, "the page was revalidated, not served stale from the cache");
    const now = await listed(page);
    assert.ok(!now.includes(suspended), `${suspended} is still listed after its suspension`);
    assert.deepEqual(now, await server.findNearest({ postcode: "LS1 4AP", contactType: "CONTACT_TYPE_SUPERVISED", maxDistanceKm: String(MILES_25_IN_KM) }));
    await page.close();
  });

  test("the details page opens from a result", async () => {
    const page = await newPage();
    await searchByForm(page, { type: "supported", postcode: "LS1 4AP" });
    const first = await page.$eval("#results li[data-centre] h2 a", (a) => a.textContent);
    const [response] = await Promise.all([page.waitForNavigation(), page.click("#results li[data-centre] h2 a")]);
    shown(response);
    assert.equal(await page.$eval("h1", (h) => h.textContent), first);
    assert.match(await page.$eval("#details", (d) => d.textContent), /Accredited today for.*Supported contact/);
    assert.match(await page.$eval("#next-steps", (d) => d.textContent), /Cafcass expects most parents to self-refer to supported centres and services\./);
    assert.match(await page.$eval("#notes", (d) => d.textContent), /Memorandum of Understanding, MOU 2\.2\.6/);
    await page.close();
  });

  test("the whole flow by keyboard alone", async () => {
    const page = await newPage();
    await page.goto(`${server.httpUrl}/find`);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute("type") || document.activeElement?.tagName);
    async function tabTo(want, limit = 15) {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press("Tab");
        if ((await focused()) === want) return;
      }
      assert.fail(`Tab never reached ${want}`);
    }
    await tabTo("type");                      // the first kind of contact
    await page.keyboard.press("ArrowDown");   // radios: the arrow selects the next, "Supervised contact"
    assert.equal(await page.$eval("input[name=type]:checked", (i) => i.value), "supervised");
    await tabTo("postcode");
    await page.keyboard.type("LS1 4AP");
    await tabTo("submit");
    const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    shown(response);
    const expected = await server.findNearest({ postcode: "LS1 4AP", contactType: "CONTACT_TYPE_SUPERVISED", maxDistanceKm: String(MILES_25_IN_KM) });
    assert.deepEqual(await listed(page), expected);

    // On to the first result's details, still by keyboard.
    const firstLink = await page.$eval("#results li[data-centre] h2 a", (a) => a.getAttribute("href"));
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((href) => document.activeElement?.getAttribute("href") === href, firstLink)) break;
    }
    const [details] = await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
    shown(details);
    assert.match(page.url(), /\/find\/centres\//);
    await page.close();
  });

  test("the same search with JavaScript disabled", async () => {
    const page = await newPage({ javaScript: false });
    shown(await searchByForm(page, { type: "supervised", postcode: "LS1 4AP" }));
    const expected = await server.findNearest({ postcode: "LS1 4AP", contactType: "CONTACT_TYPE_SUPERVISED", maxDistanceKm: String(MILES_25_IN_KM) });
    assert.deepEqual(await listed(page), expected);
    await page.goto(`${server.httpUrl}/find`);
    assert.equal(await page.$eval("#use-location", (b) => getComputedStyle(b).display), "none", "no 'use my location' without script");
    await page.close();
  });

  test("'use my location' searches from the browser's position, as FindNearestCentres does from that point", async () => {
    const page = await newPage();
    await browser.defaultBrowserContext().overridePermissions(server.httpUrl, ["geolocation"]);
    await page.setGeolocation({ latitude: 53.79965, longitude: -1.54921 });
    await page.goto(`${server.httpUrl}/find`);
    await page.click("input[name=type][value=supervised]");
    assert.notEqual(await page.$eval("#use-location", (b) => getComputedStyle(b).display), "none");
    const [response] = await Promise.all([page.waitForNavigation(), page.click("#use-location")]);
    shown(response);
    assert.match(await page.$eval("h1", (h) => h.textContent), /near your location/);
    // The script rounds the position to 3 decimals (about 100 m) before it leaves the browser.
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("lat"), "53.800");
    assert.equal(url.searchParams.get("lon"), "-1.549");
    const expected = await server.findNearest({ "location.latitude": "53.8", "location.longitude": "-1.549", contactType: "CONTACT_TYPE_SUPERVISED", maxDistanceKm: String(MILES_25_IN_KM) });
    assert.deepEqual(await listed(page), expected);
    await page.close();
  });

  test("a town instead of a postcode, with JavaScript off: the nearest centres from the middle of the town, and a near spelling offered", async () => {
    const page = await newPage({ javaScript: false });
    shown(await searchByForm(page, { type: "supported", postcode: "harrogate" }));
    assert.equal(await page.$eval("h1", (h) => h.textContent), "Supported contact near Harrogate");
    assert.match(await page.$eval("#origin", (p) => p.textContent), /middle of Harrogate/);
    const names = await page.$$eval("#results li[data-centre] h2", (hs) => hs.map((h) => h.textContent));
    assert.ok(names.length > 0, "centres near Harrogate");
    const miles = await page.$$eval("#results .app-facts", (dls) => dls.map((dl) => parseFloat(dl.querySelector("dd").textContent)));
    assert.deepEqual(miles, [...miles].sort((a, b) => a - b), "nearest first");

    const response = await searchByForm(page, { type: "supported", postcode: "Harogate" });
    assert.equal(response.status(), 404);
    assert.match(await page.$eval(".govuk-error-summary a", (a) => a.textContent), /did you mean Harrogate/);
    await page.close();
  });

  test("a malformed or unknown postcode: GOV.UK error summary linked to the field, 400 / 404, never a stack trace", async () => {
    const page = await newPage();
    for (const [postcode, status] of [["LS1 4", 400], ["TR9 9ZZ", 404], ["Harogate", 404], ["", 400]]) {
      await page.goto(`${server.httpUrl}/find`);
      await page.click("input[name=type][value=supported]");
      if (postcode) await page.type("#postcode", postcode);
      const [response] = await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
      assert.equal(response.status(), status, postcode);
      assert.match(await page.title(), /^Error: /);
      const link = await page.$eval(".govuk-error-summary a", (a) => a.getAttribute("href"));
      assert.equal(link, "#postcode");
      assert.ok(await page.$eval("#postcode", (i) => i.getAttribute("aria-describedby").includes("postcode-error")));
      await page.click(".govuk-error-summary a");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "postcode");
      const text = await page.evaluate(() => document.body.innerText);
      assert.doesNotMatch(text, /Exception|at Contact\.|   at /);
      assert.equal(await page.$eval("#postcode", (i) => i.value), postcode, "the form keeps what was typed");
    }
    const unknown = await page.goto(`${server.httpUrl}/find/centres/no-such-centre`);
    assert.equal(unknown.status(), 404);
    assert.match(await page.$eval("h1", (h) => h.textContent), /Page not found/);
    await page.close();
  });

  test("axe-core: no serious or critical violations on the search, results, details and error pages", async () => {
    const page = await newPage();
    const pages = {
      search: "/find",
      results: "/find/results?type=supervised&postcode=LS1+4AP&setting=any&distance=25",
      details: null,
      error: "/find/results?type=supervised&postcode=LS1+4",
      "unknown town": "/find/results?type=supervised&postcode=Harogate",
      "not found": "/find/centres/no-such-centre",
    };
    await page.goto(`${server.httpUrl}${pages.results}`);
    pages.details = await page.$eval("#results li[data-centre] h2 a", (a) => a.getAttribute("href"));
    const found = {};
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${server.httpUrl}${path}`);
      const violations = await axeSeriousOrCritical(page);
      if (violations.length) found[name] = violations;
    }
    assert.deepEqual(found, {});
    await page.close();
  });

  test("readable at 320 px: no horizontal scrolling", async () => {
    const page = await newPage({ width: 320 });
    for (const path of ["/find", "/find/results?type=supervised&postcode=LS1+4AP"]) {
      await page.goto(`${server.httpUrl}${path}`);
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      assert.ok(scroll <= client, `${path} scrolls sideways at 320 px (${scroll} > ${client})`);
    }
    await page.close();
  });

  test("collects nothing: no cookies, page and assets under 150 KB transferred, the postcode cut to its district in the log", async () => {
    const page = await newPage();
    await page.setCacheEnabled(false);
    const cdp = await page.createCDPSession();
    await cdp.send("Network.enable");
    let transferred = 0;
    const requests = [];
    const setCookies = [];
    cdp.on("Network.loadingFinished", (e) => { transferred += e.encodedDataLength; });
    cdp.on("Network.requestWillBeSent", (e) => requests.push(e.request.url));
    page.on("response", (r) => { if (r.headers()["set-cookie"]) setCookies.push(r.url()); });
    await page.goto(`${server.httpUrl}/find/results?type=supervised&postcode=LS1+4AP&setting=any&distance=25`, { waitUntil: "networkidle0" });
    assert.ok(transferred > 0 && transferred < 150 * 1024, `results page and assets: ${transferred} bytes`);
    console.log(`# results page and its assets: ${transferred} bytes transferred, ${requests.length} requests`);
    assert.ok(requests.every((u) => u.startsWith(server.httpUrl) || u.startsWith("data:")), `requests leave the server: ${requests}`);
    assert.deepEqual(setCookies, []);
    assert.deepEqual(await page.cookies(), []);

    // The log has the district (LS1) and never the full postcode.
    await new Promise((ok) => setTimeout(ok, 200));
    assert.match(server.output.text, /Find-a-centre search from district LS1\b/);
    assert.doesNotMatch(server.output.text, /LS1[ +%20]*4AP/i);
    await page.close();
  });

  test("cacheable: ETag, revalidation with 304, year-long assets at versioned URLs", async () => {
    const url = `${server.httpUrl}/find/results?type=supported&postcode=LS1+4AP`;
    const first = await fetch(url);
    assert.equal(first.status, 200);
    assert.equal(first.headers.get("cache-control"), "public, max-age=0");
    const etag = first.headers.get("etag");
    assert.ok(etag);
    const second = await fetch(url, { headers: { "if-none-match": etag } });
    assert.equal(second.status, 304);
    const css = (await first.text()).match(/href="(\/find\/assets\/finder\.css\?v=[0-9a-f]+)"/)[1];
    const asset = await fetch(`${server.httpUrl}${css}`, { headers: { "accept-encoding": "br" } });
    assert.equal(asset.status, 200);
    assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000");
  });
});
