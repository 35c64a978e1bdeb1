/** A TCP proxy in front of the gateway that tests can cut, as a network failure would. */
import { createConnection, createServer, type Server, type Socket } from "node:net";

export class CuttableProxy {
  cuts = 0;
  held = false;
  port = 0;
  private readonly links = new Set<Socket>();
  private readonly server: Server;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      if (this.held) {
        client.resetAndDestroy();
        return;
      }
      const upstream = createConnection(this.targetPort, "127.0.0.1");
      for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
        this.links.add(from);
        from.pipe(to);
        from.on("error", () => to.destroy());
        from.on("close", () => { this.links.delete(from); to.destroy(); });
      }
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, "127.0.0.1", done));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  /** Aborts every open connection. */
  cut(): void {
    this.cuts++;
    for (const link of this.links) {
      link.resetAndDestroy();
    }
    this.links.clear();
  }

  hold(): void {
    this.held = true;
    this.cut();
  }

  release(): void {
    this.held = false;
  }

  async close(): Promise<void> {
    this.hold();
    await new Promise((done) => this.server.close(done));
  }
}
