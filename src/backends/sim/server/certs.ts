import { webcrypto } from 'node:crypto';
import './reflect-metadata.js';
import * as x509 from '@peculiar/x509';

/** A CA and a serving certificate for 127.0.0.1 / localhost and the cluster's names of the API server, all PEM. */
export interface ServingCerts {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

function pemKey(der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

const serial = () =>
  Buffer.from(webcrypto.getRandomValues(new Uint8Array(12)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');

/** Generates a fresh ECDSA P-256 CA and a serving certificate signed by it (valid one year). */
export async function generateServingCerts(now: Date = new Date()): Promise<ServingCerts> {
  x509.cryptoProvider.set(webcrypto as never);
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(now.getTime() + 365 * 24 * 3600_000);
  const caKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=kubedoctest-sim-ca',
    notBefore,
    notAfter,
    keys: caKeys as never,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey as never),
    ],
  });
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=kube-apiserver',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey as never,
    signingKey: caKeys.privateKey as never,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      // kubeadm's apiserver certificate names: the node, the `kubernetes` Service's names and
      // cluster IP, the advertise address (so a pod's curl to kubernetes.default.svc verifies).
      new x509.SubjectAlternativeNameExtension([
        { type: 'dns', value: 'kind-control-plane' },
        { type: 'dns', value: 'kubernetes' },
        { type: 'dns', value: 'kubernetes.default' },
        { type: 'dns', value: 'kubernetes.default.svc' },
        { type: 'dns', value: 'kubernetes.default.svc.cluster.local' },
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '10.96.0.1' },
        { type: 'ip', value: '172.18.0.2' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
      await x509.AuthorityKeyIdentifierExtension.create(caKeys.publicKey as never),
    ],
  });
  const keyDer = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { caPem: ca.toString('pem') + '\n', certPem: cert.toString('pem') + '\n', keyPem: pemKey(keyDer) };
}
