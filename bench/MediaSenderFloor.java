import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of sending renditions from a JVM without a servlet container, for bench/media-floor.sh:
 * Netty (its NIO transport, two event loops), the headers and the file (sendfile) written in one flush,
 * the renditions' own response headers. It looks nothing up: it maps /media/HASH/NAME to the file under
 * the media directory, as nginx does, so it measures what a dedicated sender inside the service could
 * reach, not a feature. Run by the script as a single-file program with Netty's jars from the service's:
 *   java -cp NETTY_JARS bench/MediaSenderFloor.java MEDIA_DIRECTORY PORT
 */
public class MediaSenderFloor {

    public static void main(String[] args) throws InterruptedException {
        Path media = Path.of(args[0], "media").toAbsolutePath().normalize();
        int port = Integer.parseInt(args[1]);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpServerKeepAliveHandler(), new Sender(media));
                    }
                })
                .bind("127.0.0.1", port).sync().channel().closeFuture().sync();
    }

    /** One rendition file per request, or 404. */
    static final class Sender extends SimpleChannelInboundHandler<HttpRequest> {

        private final Path media;

        Sender(Path media) {
            this.media = media;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpRequest request) throws Exception {
            String path = request.uri().startsWith("/media/") ? request.uri().substring("/media/".length()) : "";
            Path file = media.resolve(path).normalize();
            if (path.isEmpty() || !file.startsWith(media) || !Files.isRegularFile(file)) {
                HttpResponse missing = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
                HttpUtil.setContentLength(missing, 0);
                context.writeAndFlush(missing);
                return;
            }
            RandomAccessFile opened = new RandomAccessFile(file.toFile(), "r");
            long length = opened.length();
            HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            String name = file.getFileName().toString();
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, name.endsWith(".webp") ? "image/webp" : "image/jpeg")
                    .set(HttpHeaderNames.CONTENT_LENGTH, length)
                    .set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=31536000, immutable")
                    .set(HttpHeaderNames.ETAG, "\"" + file.getParent().getFileName().toString().substring(0, 24) + "-" + name + "\"")
                    .set(HttpHeaderNames.VARY, HttpHeaderNames.ACCEPT);
            context.write(response);
            context.write(new DefaultFileRegion(opened.getChannel(), 0, length));
            context.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
