#!/bin/sh
# Writes deploy/varnish/newsroom.vcl for other instances and more networks allowed to purge:
#   render-vcl.sh HOST:PORT[,HOST:PORT...] [PURGING_NETWORK...] > /etc/varnish/default.vcl
# e.g. render-vcl.sh newsroom-1:8080,newsroom-2:8080 172.16.0.0/12 (docker-compose.yml), or
# render-vcl.sh 127.0.0.1:18080 (a benchmark in bench/; the tests do the same in support/Varnish).
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 HOST:PORT[,HOST:PORT...] [PURGING_NETWORK...]" >&2
    exit 2
fi
instances=$1
shift
vcl="$(dirname "$0")/newsroom.vcl"
awk -v instances="$instances" -v nets="$*" '
    BEGIN { n = split(instances, hosts, ","); split(nets, purging, " ") }
    /^    \.host = "127\.0\.0\.1";$/ && !done_host { split(hosts[1], hp, ":"); $0 = "    .host = \"" hp[1] "\";"; done_host = 1 }
    /^    \.port = "8080";$/ && !done_port { split(hosts[1], hp, ":"); $0 = "    .port = \"" hp[2] "\";"; done_port = 1 }
    /^backend newsroom \{$/ { in_backend = 1; block = "" }
    in_backend && !/^backend newsroom \{$/ { block = block $0 "\n" }
    in_backend && /^}$/ { in_backend = 0 }
    { print }
    /^# more backends below$/ {
        for (i = 2; i <= n; i++) {
            split(hosts[i], hp, ":")
            copy = block
            sub(/\.host = "[^"]*";/, ".host = \"" hp[1] "\";", copy)
            sub(/\.port = "[^"]*";/, ".port = \"" hp[2] "\";", copy)
            printf "backend newsroom_%d {\n%s", i, copy
        }
    }
    /^    # more instances below$/ { for (i = 2; i <= n; i++) print "    instances.add_backend(newsroom_" i ");" }
    /^    # purgers: more networks below$/ {
        for (j in purging) {
            net = purging[j]
            if (index(net, "/")) { split(net, parts, "/"); print "    \"" parts[1] "\"/" parts[2] ";" } else print "    \"" net "\";"
        }
    }
' "$vcl"
