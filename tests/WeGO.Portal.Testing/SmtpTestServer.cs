using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace WeGO.Portal.Testing;

/// <summary>A mail server that speaks enough SMTP for MailKit (EHLO/HELO, AUTH PLAIN, MAIL FROM, RCPT TO, DATA with
/// dot-unstuffing, RSET, NOOP, QUIT) on 127.0.0.1 and keeps what it receives. It can be stopped, so connections are
/// refused as with a server that is down, and started again on the same port.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly ConcurrentDictionary<string, bool> rejectedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<TcpClient, Task> connections = new();
    private TcpListener? listener;
    private CancellationTokenSource? stopping;
    private Task? accepting;

    /// <summary>The port, chosen on the first start and kept for every restart.</summary>
    public int Port { get; private set; }

    public bool IsRunning => listener is not null;

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>Called with the number of messages received so far when a client begins the next one (MAIL FROM),
    /// before it is answered: a test's moment to stop a sender between two messages.</summary>
    public Action<int>? BeforeNextMessage { get; set; }

    /// <summary>Starts listening: on <paramref name="port"/>, or on the port of the last start, or on a free
    /// one.</summary>
    public SmtpTestServer Start(int port = 0)
    {
        if (listener is not null)
        {
            throw new InvalidOperationException("The SMTP test server is already running.");
        }

        var socket = new TcpListener(IPAddress.Loopback, port != 0 ? port : Port);
        socket.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Start();
        Port = ((IPEndPoint)socket.LocalEndpoint).Port;
        listener = socket;
        stopping = new CancellationTokenSource();
        accepting = AcceptAsync(socket, stopping.Token);
        return this;
    }

    /// <summary>Stops listening and drops every open connection, as a server that goes down does.</summary>
    public async Task StopAsync()
    {
        if (listener is null)
        {
            return;
        }

        await stopping!.CancelAsync();
        listener.Stop();
        foreach (var client in connections.Keys)
        {
            client.Close();
        }

        await accepting!;
        await Task.WhenAll(connections.Values);
        listener.Dispose();
        stopping.Dispose();
        listener = null;
    }

    /// <summary>Answers 550 to RCPT TO for this address, as a server does for an unknown mailbox.</summary>
    public void RejectRecipient(string address) => rejectedRecipients[address] = true;

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task AcceptAsync(TcpListener socket, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await socket.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            connections[client] = ServeAsync(client, cancellationToken);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            using (client)
            {
                var session = new Session(client.GetStream());
                await session.ReplyAsync("220 wego-test ESMTP ready", cancellationToken);
                await ConverseAsync(session, cancellationToken);
            }
        }
        catch (Exception ex)
            when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, or the server was stopped under it.
        }
        finally
        {
            connections.TryRemove(client, out _);
        }
    }

    private async Task ConverseAsync(Session session, CancellationToken cancellationToken)
    {
        string? mailFrom = null;
        string? user = null;
        var recipients = new List<string>();
        while (await session.ReadLineAsync(cancellationToken) is { } bytes)
        {
            var line = Encoding.UTF8.GetString(bytes);
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var argument = space < 0 ? "" : line[(space + 1)..];
            switch (verb)
            {
                case "EHLO":
                    await session.ReplyAsync(
                        "250-wego-test greets " + argument + "\r\n250-8BITMIME\r\n250-AUTH PLAIN\r\n250 HELP",
                        cancellationToken
                    );
                    break;
                case "HELO":
                    await session.ReplyAsync("250 wego-test", cancellationToken);
                    break;
                case "AUTH":
                    var parts = argument.Split(' ', 2);
                    if (!parts[0].Equals("PLAIN", StringComparison.OrdinalIgnoreCase))
                    {
                        await session.ReplyAsync("504 5.5.4 Unrecognized authentication type", cancellationToken);
                        break;
                    }

                    var response = parts.Length > 1 ? parts[1] : null;
                    if (response is null)
                    {
                        await session.ReplyAsync("334 ", cancellationToken);
                        response = Encoding.ASCII.GetString(await session.ReadLineAsync(cancellationToken) ?? []);
                    }

                    user = Encoding
                        .UTF8.GetString(Convert.FromBase64String(response))
                        .Split('\0')
                        .ElementAtOrDefault(1);
                    await session.ReplyAsync("235 2.7.0 Authentication successful", cancellationToken);
                    break;
                case "MAIL":
                    BeforeNextMessage?.Invoke(received.Count);
                    mailFrom = Address(argument);
                    recipients.Clear();
                    await session.ReplyAsync("250 2.1.0 OK", cancellationToken);
                    break;
                case "RCPT":
                    var recipient = Address(argument);
                    if (mailFrom is null)
                    {
                        await session.ReplyAsync("503 5.5.1 MAIL first", cancellationToken);
                    }
                    else if (rejectedRecipients.ContainsKey(recipient))
                    {
                        await session.ReplyAsync("550 5.1.1 Mailbox unavailable", cancellationToken);
                    }
                    else
                    {
                        recipients.Add(recipient);
                        await session.ReplyAsync("250 2.1.5 OK", cancellationToken);
                    }

                    break;
                case "DATA":
                    if (mailFrom is null || recipients.Count == 0)
                    {
                        await session.ReplyAsync("503 5.5.1 MAIL and RCPT first", cancellationToken);
                        break;
                    }

                    await session.ReplyAsync("354 End data with <CR><LF>.<CR><LF>", cancellationToken);
                    var content = await session.ReadDataAsync(cancellationToken);
                    received.Enqueue(
                        new ReceivedMail(
                            mailFrom,
                            [.. recipients],
                            MimeMessage.Load(new MemoryStream(content), cancellationToken),
                            user
                        )
                    );
                    mailFrom = null;
                    recipients.Clear();
                    await session.ReplyAsync("250 2.0.0 Queued", cancellationToken);
                    break;
                case "RSET":
                    mailFrom = null;
                    recipients.Clear();
                    await session.ReplyAsync("250 2.0.0 OK", cancellationToken);
                    break;
                case "NOOP":
                    await session.ReplyAsync("250 2.0.0 OK", cancellationToken);
                    break;
                case "QUIT":
                    await session.ReplyAsync("221 2.0.0 Bye", cancellationToken);
                    return;
                default:
                    await session.ReplyAsync("502 5.5.2 Command not recognized", cancellationToken);
                    break;
            }
        }
    }

    /// <summary>The address in <c>FROM:&lt;a@b&gt; SIZE=...</c> or <c>TO:&lt;a@b&gt;</c>.</summary>
    private static string Address(string argument)
    {
        var open = argument.IndexOf('<', StringComparison.Ordinal);
        var close = argument.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open
            ? argument[(open + 1)..close]
            : argument[(argument.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>One connection: lines in as bytes (the message may be 8-bit), replies out.</summary>
    private sealed class Session(NetworkStream stream)
    {
        private readonly byte[] buffer = new byte[8192];
        private int start;
        private int end;

        public async Task ReplyAsync(string reply, CancellationToken cancellationToken) =>
            await stream.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), cancellationToken);

        /// <summary>The next line without its CRLF, or null when the client closed the connection.</summary>
        public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var line = new MemoryStream();
            while (true)
            {
                if (start == end)
                {
                    start = 0;
                    end = await stream.ReadAsync(buffer, cancellationToken);
                    if (end == 0)
                    {
                        return null;
                    }
                }

                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0)
                {
                    line.Write(buffer, start, end - start);
                    start = end;
                    continue;
                }

                line.Write(buffer, start, newline - start);
                start = newline + 1;
                var bytes = line.ToArray();
                return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
            }
        }

        /// <summary>The message after DATA, up to the lone ".", with the leading dot of each stuffed line
        /// removed.</summary>
        public async Task<byte[]> ReadDataAsync(CancellationToken cancellationToken)
        {
            var content = new MemoryStream();
            while (await ReadLineAsync(cancellationToken) is { } line)
            {
                if (line is [(byte)'.'])
                {
                    return content.ToArray();
                }

                var unstuffed = line is [(byte)'.', ..] ? line.AsSpan(1) : line;
                content.Write(unstuffed);
                content.Write("\r\n"u8);
            }

            throw new IOException("The connection closed in the middle of DATA.");
        }
    }
}

/// <summary>One message as the server took it: the envelope (MAIL FROM, RCPT TO), the parsed message, and who signed
/// in.</summary>
public sealed record ReceivedMail(
    string MailFrom,
    IReadOnlyList<string> Recipients,
    MimeMessage Message,
    string? AuthenticatedUser
);
