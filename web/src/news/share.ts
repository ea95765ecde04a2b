// Sharing an item: the phone's share sheet where there is one (Zalo,
// Messenger…), else the link copied, else the link shown to copy by hand.
export type ShareResult = 'shared' | 'copied' | 'show';

export async function shareLink(title: string, url: string): Promise<ShareResult> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (err) {
      // The person closed the sheet: nothing more to do.
      if (err instanceof DOMException && err.name === 'AbortError') return 'shared';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'show';
  }
}
