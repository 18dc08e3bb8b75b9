/** React state for the host: null while detecting, then Excel or file mode (upgraded if Excel shows up late). */
import { useEffect, useState } from "react";
import { detectBrowserHost, HostInfo } from "../host/detect-host";

export function useHost(): HostInfo | null {
  const [host, setHost] = useState<HostInfo | null>(null);
  useEffect(() => {
    let alive = true;
    detectBrowserHost((late) => alive && setHost(late)).then((info) => alive && setHost(info));
    return () => {
      alive = false;
    };
  }, []);
  return host;
}
