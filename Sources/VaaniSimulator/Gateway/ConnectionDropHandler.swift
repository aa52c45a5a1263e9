import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes the connection instead of sending a response marked with `X-Vaani-Simulator-Drop`:
/// the client sees its request vanish after the call was placed, as when a proxy or the network
/// drops it. Sits in the channel pipeline right after HTTP decoding, so it sees every response head.
final class ConnectionDropHandler: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var dropping = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        if case .head(let head) = part, head.headerFields[.simulatorDrop] != nil {
            dropping = true
            promise?.fail(ChannelError.ioOnClosedChannel)
            context.close(mode: .all, promise: nil)
            return
        }
        if dropping {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        context.write(data, promise: promise)
    }
}
