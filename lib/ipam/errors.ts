/**
 * An address-planning error: bad input or an impossible request.
 *
 * The message always names the offending value and says how to fix it, so the
 * layers above can show it to the user as it is.
 */
export class AddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressError';
    Object.setPrototypeOf(this, AddressError.prototype);
  }
}
