#ifndef MARQUEE_CZMQ_SHIM_H
#define MARQUEE_CZMQ_SHIM_H
#include <zmq.h>
#endif
