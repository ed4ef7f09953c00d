// The error the guard throws: which host, which address, and why, in words a person can act on.
import { CLASS_LABEL, PRIVATE_CLASSES, type AddressClass } from './address-class'

export const REFUSED_ADDRESS_CODE = 'ESTEPWISE_REFUSED_ADDRESS'

export class RefusedAddressError extends Error {
  readonly code = REFUSED_ADDRESS_CODE
  constructor(
    readonly host: string,
    readonly address: string,
    readonly addressClass: AddressClass,
  ) {
    super(refusalReason(host, address, addressClass))
    this.name = 'RefusedAddressError'
  }
}

export function isRefusedAddress(err: unknown): err is RefusedAddressError {
  return (err as { code?: unknown } | null)?.code === REFUSED_ADDRESS_CODE
}

function refusalReason(host: string, address: string, cls: AddressClass): string {
  const where =
    host === address ? `${address} is ${CLASS_LABEL[cls]}` : `${host} resolves to ${address}, ${CLASS_LABEL[cls]}`
  if (PRIVATE_CLASSES.has(cls)) {
    return `${where}; set STEPWISE_ALLOW_PRIVATE_NETWORKS=true if your sites are on your own network.`
  }
  return `${where}; Stepwise never connects to such addresses.`
}
