/**
 * The one transport between the extension's pages (the panel, the devtools page, the Firefox
 * grant page), as React DevTools keeps it: a `Wall` sends a message and listens. The pages get a
 * BroadcastChannel wall; tests get a fake one. Messages are typed per channel, and guards check
 * what arrives (history-messages.ts, store-messages.ts).
 */
export interface Wall<Message> {
  send(message: Message): void;
  /** Listens; returns the function that stops listening. */
  listen(onMessage: (data: unknown) => void): () => void;
}

/**
 * A wall over the BroadcastChannel `name`, open for the page's life (a channel never hears its own
 * messages). Each `listen` adds a listener; its stop function removes only that one.
 */
export function broadcastWall<Message>(name: string): Wall<Message> {
  const channel = new BroadcastChannel(name);
  return {
    send: (message) => channel.postMessage(message),
    listen: (onMessage) => {
      const listener = (event: MessageEvent) => onMessage(event.data);
      channel.addEventListener('message', listener);
      return () => channel.removeEventListener('message', listener);
    },
  };
}
