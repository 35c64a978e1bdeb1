/** The real gateway for the suite: the built jar on a free port, authentication on, tokens from its token command. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const JAR = process.env.ANOMALY_JAR ?? resolve(import.meta.dirname ?? ".", "../../../../launcher/target/anomaly-gateway.jar");

export class Gateway {
  readonly secret = randomBytes(32).toString("hex");
  readonly folder = mkdtempSync(join(tmpdir(), "anomaly-gateway-ts-"));
  port = 0;
  private process: ChildProcess | undefined;
  private readonly tokens = new Map<string, string>();

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const child = spawn("java", ["-Xmx512m", "-jar", JAR, "--host", "127.0.0.1", "--port", "0"],
      { cwd: this.folder, env: { ...process.env, ANOMALY_JWT_SECRET: this.secret } });
    this.process = child;
    let seen = "";
    this.port = await new Promise<number>((done, failed) => {
      const timer = setTimeout(() => failed(new Error(`the gateway did not start:\n${seen}`)), 90_000);
      const read = (chunk: Buffer) => {
        seen += chunk.toString();
        const found = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
        if (found) {
          clearTimeout(timer);
          done(Number(found[1]));
        }
      };
      child.stdout!.on("data", read);
      child.stderr!.on("data", read);
      child.on("exit", () => failed(new Error(`the gateway exited:\n${seen}`)));
    });
    return this;
  }

  /** A token of the role for every session; long-lived ones are minted once. */
  token(role: string, ttl = "1h"): string {
    const key = `${role}/${ttl}`;
    if (!this.tokens.has(key) || !ttl.endsWith("h")) {
      const output = execFileSync("java", ["-jar", JAR, "token", "--role", role, "--sub", "ts-tests", "--sessions",
        "*", "--ttl", ttl], { cwd: this.folder, env: { ...process.env, ANOMALY_JWT_SECRET: this.secret } });
      this.tokens.set(key, output.toString().trim().split("\n").pop()!);
    }
    return this.tokens.get(key)!;
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null) {
      child.removeAllListeners("exit");
      const exited = new Promise((done) => child.once("exit", done));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(this.folder, { recursive: true, force: true });
  }
}

let shared: Promise<Gateway> | undefined;

/** The suite's one gateway, started on first use and stopped when the process ends. */
export function gateway(): Promise<Gateway> {
  shared ??= new Gateway().start();
  return shared;
}

/** A session of the test's own. */
export function session(name: string): string {
  return `ts-${name.replace(/[^A-Za-z0-9]/g, "-").slice(0, 40)}-${randomBytes(4).toString("hex")}`;
}
