import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, it } from "node:test";

import { build } from "esbuild";

const HERE = import.meta.dirname ?? ".";

describe("the browser build the gateway serves", () => {
  it("is the current source's (npm run webroot rebuilds it)", async () => {
    const fresh = await build({ entryPoints: [resolve(HERE, "../src/browser.js")], bundle: true, minify: true,
      format: "esm", target: "es2022", legalComments: "none", write: false });
    const served = readFileSync(resolve(HERE, "../../../../gateway/src/main/resources/webroot/sdk/anomaly-gateway.js"),
      "utf8");
    assert.equal(fresh.outputFiles[0]!.text, served);
  });
});
