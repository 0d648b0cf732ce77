/*
 * FOR THE WINE SMOKE TEST ONLY — never part of a release.
 *
 * Go 1.26's Windows runtime takes its random numbers from ProcessPrng in
 * bcryptprimitives.dll, which every Windows 10 and 11 has but Debian 12's
 * Wine 8.0 lacks, so under that Wine the program dies at start. This DLL
 * exports ProcessPrng on top of RtlGenRandom (advapi32's SystemFunction036),
 * which Wine has; scripts/dist_smoke.sh copies it into a throw-away Wine
 * prefix's system32.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
