// The outbound address guard: every connection to a site goes to an address checked here.
export { classifyAddress, type AddressClass } from './address-class'
export { RefusedAddressError, isRefusedAddress, REFUSED_ADDRESS_CODE } from './refused-address'
export {
  checkAddress,
  resolveGuarded,
  setResolverForTests,
  type ResolvedAddress,
  type Resolver,
} from './resolve-guarded'
