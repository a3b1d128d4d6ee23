#!/usr/bin/perl
# A Test::More suite shaped like a guest network check: one case fails, one is skipped.
use strict;
use warnings;
use Test::More tests => 4;

ok(1, 'virtio-net device present');
is('1500', '9000', 'jumbo frames negotiated');
SKIP: {
    skip 'no multiqueue in this build', 1;
    ok(0, 'multiqueue enabled');
}
like('link up 1000Mb/s', qr/link up/, 'link comes up');
