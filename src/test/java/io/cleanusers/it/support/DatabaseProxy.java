package io.cleanusers.it.support;

import io.cleanusers.infrastructure.config.DatabaseSettings;
import io.cleanusers.infrastructure.config.ServiceConfig;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP forwarder in the test JVM between the server under test and PostgreSQL, so that a test can
 * take the database away from the service and give it back.
 *
 * <p>Why: the outage test (docs/contract/operations.md, "Database outage": 503 while the database
 * is unreachable, recovery without a restart) must not stop the real PostgreSQL, which other test
 * classes, other builds and people share. The service is told ({@link
 * io.cleanusers.it.ScriptedServer}, {@code POSTGRES_HOST/PORT}) to connect to 127.0.0.1:{@link
 * #port()} (a free port, or {@code -Dit.db.proxy.port}) instead of the server itself; the proxy
 * forwards to the server {@code [postgres]} names, read exactly as the service and {@link
 * TestDatabase} read it (so {@code POSTGRES_PORT} and the other overrides apply). The test JVM's
 * own connections ({@link TestDatabase}) do not go through it.
 *
 * <p>{@link #cut()} behaves like a stopped server: every open connection is closed on both sides
 * and the port stops listening, so new connections are refused. {@link #restore()} listens again.
 * {@link #start()} is idempotent: one proxy per JVM, started by {@link Deployments#builtWar()}
 * before the server boots ({@link io.cleanusers.it.ScriptedServer}).
 */
public final class DatabaseProxy {

  /** A system property that may fix the port the proxy listens on; by default a free one. */
  public static final String PORT_PROPERTY = "it.db.proxy.port";

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int UPSTREAM_CONNECT_TIMEOUT_MILLIS = 5_000;
  private static final Duration REBIND_TIMEOUT = Duration.ofSeconds(10);
  private static final int BUFFER_BYTES = 16 * 1024;

  /** Guards {@link #instance}; private, so no other code can hold it. */
  private static final Object INSTANCE_LOCK = new Object();

  private static DatabaseProxy instance;

  private final int port;
  private final InetSocketAddress upstream;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private ServerSocket listener;
  private boolean cut;

  private DatabaseProxy(int port, InetSocketAddress upstream) {
    this.port = port;
    this.upstream = upstream;
  }

  /** Starts the JVM's proxy if it is not running yet. */
  public static DatabaseProxy start() {
    synchronized (INSTANCE_LOCK) {
      if (instance == null) {
        String configured = System.getProperty(PORT_PROPERTY, "");
        DatabaseSettings database =
            ServiceConfig.loadSettings(DatabaseProxy.class.getClassLoader()).database();
        DatabaseProxy proxy =
            new DatabaseProxy(
                configured.isBlank() ? freePort() : Integer.parseInt(configured.trim()),
                new InetSocketAddress(
                    database.hosts().get(0).name(), database.hosts().get(0).port()));
        proxy.listen();
        instance = proxy;
      }
      return instance;
    }
  }

  /** The loopback port the service connects to instead of PostgreSQL's. */
  public int port() {
    return port;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Closes every connection through the proxy and refuses new ones, as a stopped server. */
  public static void cut() {
    running().cutOff();
  }

  /** Accepts and forwards connections again; nothing happens if the proxy is not cut. */
  public static void restore() {
    running().reopen();
  }

  private static DatabaseProxy running() {
    synchronized (INSTANCE_LOCK) {
      if (instance == null) {
        throw new IllegalStateException("DatabaseProxy.start() was never called");
      }
      return instance;
    }
  }

  private void cutOff() {
    List<Link> closing;
    synchronized (lock) {
      cut = true;
      closeQuietly(listener);
      listener = null;
      closing = new ArrayList<>(links);
    }
    closing.forEach(Link::close);
    System.out.println(
        "DatabaseProxy: cut 127.0.0.1:"
            + port
            + ", closed "
            + closing.size()
            + " connection(s) to "
            + upstream);
  }

  private void reopen() {
    synchronized (lock) {
      if (!cut) {
        return;
      }
      listen();
      cut = false;
    }
    System.out.println("DatabaseProxy: restored 127.0.0.1:" + port + " -> " + upstream);
  }

  /**
   * Binds the port, retrying for a while on a restore (the port was just released), and starts
   * accepting on a daemon thread.
   */
  private void listen() {
    long deadline = System.nanoTime() + REBIND_TIMEOUT.toNanos();
    while (true) {
      try {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
          socket.bind(new InetSocketAddress(LOOPBACK, port), 128);
        } catch (IOException e) {
          socket.close();
          throw e;
        }
        synchronized (lock) {
          listener = socket;
        }
        daemon("db-proxy-accept-" + port, () -> accept(socket)).start();
        return;
      } catch (BindException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "DatabaseProxy cannot listen on 127.0.0.1:"
                  + port
                  + " (another build running the integration tests? choose another port with -D"
                  + PORT_PROPERTY
                  + "=...)",
              e);
        }
        LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        return; // closed by cut()
      }
      Link link = new Link(client);
      synchronized (lock) {
        if (cut || socket != listener) {
          link.close();
          continue;
        }
        links.add(link);
      }
      daemon("db-proxy-link-" + client.getPort(), link::open).start();
    }
  }

  /** One client connection and its connection to PostgreSQL. */
  private final class Link {
    private final Socket client;
    private final Socket server = new Socket();
    private volatile boolean closed;

    Link(Socket client) {
      this.client = client;
    }

    void open() {
      try {
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        server.setKeepAlive(true);
        server.connect(upstream, UPSTREAM_CONNECT_TIMEOUT_MILLIS);
        if (closed) {
          close(); // cut while connecting
          return;
        }
        daemon("db-proxy-up-" + client.getPort(), () -> pump(client, server)).start();
        pump(server, client);
      } catch (IOException e) {
        close(); // PostgreSQL itself unreachable: the client sees its connection closed
      }
    }

    private void pump(Socket from, Socket to) {
      byte[] buffer = new byte[BUFFER_BYTES];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (SocketException e) {
        // closed by the other direction or by cut()
      } catch (IOException e) {
        // the peer went away
      } finally {
        close();
      }
    }

    void close() {
      closed = true;
      closeQuietly(client);
      closeQuietly(server);
      links.remove(this);
    }
  }

  private static Thread daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    return thread;
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      // nothing more to do
    }
  }
}
