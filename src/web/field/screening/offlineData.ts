import { useQuery } from '@tanstack/react-query';
import { getLedgerDay, ledgerKeys, listCampaigns } from '../../http/ledger';
import { cachedReference } from '../offline/reference';

/**
 * The platform's day and the screening policy, kept on the phone for a visit without a network: the
 * doors' list asks for it too, so that it is kept before the first door is opened.
 */
export function useLedgerDayOffline() {
  return useQuery({
    queryKey: ledgerKeys.day,
    queryFn: ({ signal }) => cachedReference('ledger.day', () => getLedgerDay(signal)),
    staleTime: 10 * 60_000,
    networkMode: 'always',
  });
}

/** The campaigns the worker takes part in, kept on the phone (the way to the doors without a network). */
export function useCampaignsOffline() {
  return useQuery({
    queryKey: ledgerKeys.campaigns,
    queryFn: ({ signal }) => cachedReference('ledger.campaigns', () => listCampaigns(signal)),
    networkMode: 'always',
  });
}
