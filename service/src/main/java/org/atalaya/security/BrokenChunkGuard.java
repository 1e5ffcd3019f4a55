package org.atalaya.security;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chunked body whose framing breaks (a chunk-size line that is no number) reaches the framework
 * as an ordinary end of body, so an upload read up to there was stored as if it were whole. The
 * HTTP decoder marks the failure on the body part; here such a part ends the connection instead, so
 * the body reads as cut short and the upload is rolled back, as for any other truncated body.
 */
@Singleton
class BrokenChunkGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
  private static final Logger LOG = LoggerFactory.getLogger(BrokenChunkGuard.class);

  @Override
  public NettyServerCustomizer.Registry onCreated(
      BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new Customizer(null));
    return event.getBean();
  }

  private record Customizer(Channel channel) implements NettyServerCustomizer {
    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
      return new Customizer(channel);
    }

    @Override
    public void onStreamPipelineBuilt() {
      if (channel != null
          && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
        channel
            .pipeline()
            .addAfter(
                ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                "atalaya-broken-chunk-guard",
                new Handler());
      }
    }
  }

  private static final class Handler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof HttpContent http && http.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        LOG.warn(
            "Closed a connection whose HTTP framing broke mid-body: {}",
            http.decoderResult().cause().toString());
        ctx.close();
        return;
      }
      ctx.fireChannelRead(msg);
    }
  }
}
