# C types for geo/words.py, which Cython compiles (`make compile`); the .py stays plain Python.
# (The compiler directives are in scripts/compile_geo.py.)
import cython

@cython.locals(n=Py_ssize_t, i=Py_ssize_t, j=Py_ssize_t, end=Py_ssize_t, c=Py_UCS4,
               starts=list, ends=list, words=list, cap=list, glue=list)
cpdef tuple _by_character(str text)

cdef inline bint _letter(Py_UCS4 c) noexcept

@cython.locals(k=Py_ssize_t)
cdef inline Py_ssize_t _initials_end(str text, Py_ssize_t i, Py_ssize_t n)

@cython.locals(out=list, at=Py_ssize_t, x0=Py_ssize_t, x1=Py_ssize_t, x2=Py_ssize_t,
               f1=Py_ssize_t, f2=Py_ssize_t, c=Py_UCS4)
cpdef list _starts(str text, bytes first, bytes pair)
