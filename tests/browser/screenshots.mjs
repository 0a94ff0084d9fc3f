// Regenerates the find-a-centre screenshots in docs/images/ (docs/find-a-centre.md):
//   dotnet build server/Contact.Server -c Release && (cd tests/browser && npm ci && npm run screenshots)
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DemoServer, launchBrowser } from "./harness.mjs";

const out = resolve(dirname(fileURLToPath(import.meta.url)), "../../docs/images");
mkdirSync(out, { recursive: true });
const server = await DemoServer.start();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const results = "/find/results?type=supervised&postcode=LS1+4AP&setting=any&distance=25";
  await page.goto(`${server.httpUrl}${results}`);
  const details = await page.$eval("#results li[data-centre] h2 a", (a) => a.getAttribute("href"));
  const shots = { search: "/find", results, details, error: "/find/results?type=supervised&postcode=LS1+4A" };
  // Every page on a phone; the search and results on a desktop too (the images are kept few and small).
  for (const [width, names] of [[1280, ["search", "results"]], [375, Object.keys(shots)]]) {
    await page.setViewport({ width, height: 800 });
    for (const name of names) {
      const path = shots[name];
      await page.goto(`${server.httpUrl}${path}`, { waitUntil: "networkidle0" });
      const file = join(out, `find-a-centre-${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
