/** Blob URLs hold workbooks in memory until revoked: frees a URL once it is replaced or unmounted. */
import { useEffect } from "react";

export function useRevokeObjectUrl(url: string | undefined): void {
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url]
  );
}
