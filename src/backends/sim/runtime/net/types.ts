/** A DNS answer for a name. */
export interface DnsAnswer {
  /** The fully qualified name that matched. */
  fqdn: string;
  addresses: string[];
  /** An ExternalName service's target. */
  cname?: string;
}

/** An HTTP request as a listener sees it. */
export interface HttpRequest {
  method: string;
  path: string;
  version: string;
  headers: [string, string][];
  body: Buffer;
  /** The client's address. */
  remote: string;
}

/** An HTTP response from a listener. */
export interface HttpResponse {
  status: number;
  reason: string;
  headers: [string, string][];
  body: Buffer;
}

/** Something that accepts a connection at an IP:port inside the simulated cluster. */
export interface Service {
  /** PEM cert and key when the port speaks TLS (read from the container's files at connect time). */
  tls?: { cert: string; key: string };
  /** Answers one HTTP request (and writes the access log line). `tls` says whether it came over TLS. */
  handle(request: HttpRequest, tls: boolean): HttpResponse;
  /**
   * Answers one request later (a listener outside the simulated containers: the API server). Tools
   * that make requests (curl, wget) use it when present; probes use `handle`.
   */
  respond?(request: HttpRequest, tls: boolean): Promise<HttpResponse>;
  /** A name for logs/tests. */
  describe: string;
  /** Serves the gRPC health service (grpc probes succeed). */
  grpc?: boolean;
  /** A redis server: answers one command. */
  redis?(args: string[]): string | number | null | string[] | { error: string } | { status: string };
}

/** Result of opening a connection. */
export type Connect = Service | 'refused' | 'timeout' | { error: string };

/** The cluster network as a container sees it. */
export interface Network {
  /** Resolves a name with the resolv.conf search list of `namespace`; undefined = NXDOMAIN. */
  resolve(name: string, namespace: string): DnsAnswer | undefined;
  /** Reverse lookup of an IP to a name (pods and services). */
  reverse(ip: string): string | undefined;
  /** Who answers at ip:port (through Service VIPs and NodePorts); undefined = connection refused. */
  connect(ip: string, port: number, from: string): Connect;
  /** Namespace of the caller (for the search list). */
  namespace: string;
  nameserver: string;
}
