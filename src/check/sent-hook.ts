import type { Dispatcher } from 'undici';

/**
 * An undici interceptor (for `dispatcher.compose()`) that reports when one request goes on the
 * wire: undici starts a request's handler (`onRequestStart`) right before writing it to a
 * connected socket. The lane uses that instant as the request's start, so connect time cannot
 * squeeze the gap between starts. compose() hands interceptors handlers with undici's current
 * method names whatever the caller used, so this relies on no legacy name.
 */
export function sentHook(onSent: () => void): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const hooked: Dispatcher.DispatchHandler = {
      onRequestStart(controller, context) {
        onSent();
        handler.onRequestStart?.(controller, context);
      },
      onRequestUpgrade: (controller, statusCode, headers, socket) =>
        handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) =>
        handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
    };
    return dispatch(options, hooked);
  };
}
