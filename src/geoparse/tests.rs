//! Tests of the geoparser as a whole.
