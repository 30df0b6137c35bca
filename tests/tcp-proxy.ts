import net from "node:net";

/**
 * A TCP proxy between a test's database client and the PostgreSQL server, to make the database really
 * unreachable: `cut("refuse")` closes every connection and refuses new ones (a stopped server),
 * `cut("blackhole")` accepts connections and never answers (a network partition); `restore()` ends it.
 */
export interface TcpProxy {
  port: number;
  /** The server URL with host and port replaced by the proxy's. */
  urlFor(serverUrl: string): string;
  cut(mode?: "refuse" | "blackhole"): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let mode: "open" | "blackhole" = "open";
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const onConnection = (client: net.Socket) => {
    track(client);
    if (mode === "blackhole") return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  };
  let server = net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  return {
    port,
    urlFor(serverUrl) {
      const url = new URL(serverUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      return url.toString();
    },
    async cut(how = "refuse") {
      dropAll();
      if (how === "blackhole") {
        mode = "blackhole";
        return;
      }
      await stopListening();
    },
    async restore() {
      mode = "open";
      dropAll();
      if (!server.listening) {
        server = net.createServer(onConnection);
        await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      }
    },
    async close() {
      dropAll();
      await stopListening();
    },
  };
}
