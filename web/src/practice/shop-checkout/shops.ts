// The three mock shops. `null` is information the shop does not show, which
// is exactly what the learner should notice.
export type ShopId = 'anbinh' | 'sieusale' | 'minhtam';
export type Shop = {
  id: ShopId;
  price: string;
  phone: string | null;
  taxCode: string | null;
  hasAddress: boolean;
  hasDelivery: boolean;
  hasReturns: boolean;
  isFake: boolean;
};

export const SHOPS: Shop[] = [
  { id: 'anbinh', price: '890.000 đ', phone: '0000 000 000', taxCode: '0000000000', hasAddress: true, hasDelivery: true, hasReturns: true, isFake: false },
  { id: 'sieusale', price: '129.000 đ', phone: null, taxCode: null, hasAddress: false, hasDelivery: false, hasReturns: false, isFake: true },
  { id: 'minhtam', price: '920.000 đ', phone: '0000 111 111', taxCode: '0000000001', hasAddress: true, hasDelivery: true, hasReturns: true, isFake: false },
];
